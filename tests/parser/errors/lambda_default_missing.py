lambda x=: 0
