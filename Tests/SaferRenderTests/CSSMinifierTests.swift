import Testing
@testable import SaferRender

@Suite struct CSSMinifierTests {
    @Test func commentsAndSpacesGoButMeaningStays() {
        let css = """
            /* The theme. */
            a:focus-visible ,
            .nav  a {
              color : #0b0c0c;  /* text */
              width: calc(100% - 2rem);
              content: "  two  spaces /* not a comment */ ";
            }
            @media (max-width: 40em) { body { font-size: 1rem } }
            """
        #expect(CSSMinifier.minify(css) == "a:focus-visible,.nav a{color :#0b0c0c;width:calc(100% - 2rem);content:\"  two  spaces /* not a comment */ \";}@media (max-width: 40em){body{font-size:1rem}}\n")
    }

    @Test func descendantSelectorsKeepTheirSpace() {
        #expect(CSSMinifier.minify("a :hover {}\n.a .b{}") == "a :hover{}.a .b{}\n")
    }
}
