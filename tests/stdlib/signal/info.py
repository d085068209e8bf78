import signal

vs = signal.valid_signals()
print(type(vs).__name__, len(vs), min(vs), max(vs))
print(sorted(int(s) for s in vs)[:5], 32 in vs, 34 in vs)
print(signal.NSIG, signal.SIG_DFL, signal.SIG_IGN, int(signal.SIG_DFL), int(signal.SIG_IGN))
print(signal.SIGINT, repr(signal.SIGTERM), int(signal.SIGUSR1))
print(signal.SIG_BLOCK, signal.SIG_UNBLOCK, signal.SIG_SETMASK)
print(signal.ITIMER_REAL, signal.ITIMER_VIRTUAL, signal.ITIMER_PROF)
for s in (1, 2, 9, 15, 17, 32, 34, 64):
    print(s, signal.strsignal(s))
print(signal.getsignal(signal.SIGPIPE), signal.getsignal(signal.SIGCHLD), signal.getsignal(signal.SIGUSR1))
print(signal.Signals.SIGHUP, signal.Signals(15).name, signal.Handlers.SIG_IGN)
print(sorted(n for n in dir(signal) if n.startswith("SIG") and not n.startswith("SIG_")))

# pthread_sigmask / sigpending / sigwait
old = signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
print(sorted(old))
print(signal.pthread_sigmask(signal.SIG_BLOCK, []))
import _thread
signal.pthread_kill(_thread.get_ident(), signal.SIGUSR1)
print(signal.sigpending())
print(signal.sigwait([signal.SIGUSR1]))
print(signal.sigpending())
signal.raise_signal(signal.SIGUSR1)
info = signal.sigtimedwait([signal.SIGUSR1], 1)
print(info.si_signo, type(info).__name__)
print(signal.sigtimedwait([signal.SIGUSR1], 0))
print(signal.pthread_sigmask(signal.SIG_SETMASK, old))
print(signal.siginterrupt(signal.SIGUSR1, True))
