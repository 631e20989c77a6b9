// SaferRender
