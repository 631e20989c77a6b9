print("safersite")
