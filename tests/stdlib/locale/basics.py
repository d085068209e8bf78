import locale, _locale
print(locale.setlocale(locale.LC_CTYPE), locale.setlocale(locale.LC_NUMERIC), locale.getencoding())
print(locale.setlocale(locale.LC_ALL, 'C'))
print(sorted(locale.localeconv().items()))
print(locale.nl_langinfo(locale.CODESET), locale.nl_langinfo(locale.RADIXCHAR), locale.nl_langinfo(locale.DAY_1),
      locale.nl_langinfo(locale.ABMON_12), locale.nl_langinfo(locale.D_T_FMT), locale.nl_langinfo(locale.YESEXPR))
print(locale.strcoll('a', 'b') < 0, locale.strcoll('b', 'a') > 0, locale.strcoll('a', 'a'), locale.strxfrm('abc'))
print(locale.CHAR_MAX, locale.LC_ALL, locale.LC_CTYPE, locale.LC_COLLATE, locale.LC_TIME, locale.LC_MONETARY,
      locale.LC_NUMERIC, locale.LC_MESSAGES)
print(locale.Error.__module__, locale.Error.__mro__, locale.Error is _locale.Error)
for f in [lambda: locale.setlocale(locale.LC_ALL, 'xx_NOPE'), lambda: locale.setlocale(12345),
          lambda: locale.nl_langinfo(99999), lambda: locale.strcoll('a', 1), lambda: locale.strxfrm('a\0b'),
          lambda: locale.setlocale('x')]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(locale.format_string('%d %.2f', (1234567, 3.14159), grouping=True), locale.str(2.5), locale.atof('3.5'),
      locale.atoi('42'), locale.currency is not None, locale.getpreferredencoding(False))
print(locale.normalize('en_US'), locale.getlocale(locale.LC_NUMERIC))
print(locale.setlocale(locale.LC_ALL, 'C.UTF-8'), locale.getlocale())
print(locale.setlocale(locale.LC_ALL, ''))
print(sorted(x for x in dir(_locale) if not x.startswith('__')) == sorted(x for x in dir(_locale) if not x.startswith('__')))
print(locale.gettext('hello'), locale.dgettext(None, 'hi'), _locale.textdomain(None))
