// Tests for SaferBuild are added with the module.
