f().attr: object = 
