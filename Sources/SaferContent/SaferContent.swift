// SaferContent
