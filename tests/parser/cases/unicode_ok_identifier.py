résumé = 1
x = résumé
