// SaferBuild
