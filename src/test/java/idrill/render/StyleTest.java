package idrill.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class StyleTest {
  private static final Style C = new Style(true);

  @Test
  void plainLeavesTextUnchanged() {
    Style p = Style.PLAIN;
    String s = "text";
    for (UnaryOperator<String> f : List.<UnaryOperator<String>>of(p::bold, p::italic, p::dim, p::code,
        p::heading, p::link, p::good, p::bad, p::warn)) {
      assertSame(s, f.apply(s));
    }
  }

  @Test
  void colorWrapsInSgrWithMatchingOffCodes() {
    assertEquals("\u001b[1mx\u001b[22m", C.bold("x"));
    assertEquals("\u001b[3mx\u001b[23m", C.italic("x"));
    assertEquals("\u001b[2mx\u001b[22m", C.dim("x"));
    assertEquals("\u001b[36mx\u001b[39m", C.code("x"));
    assertEquals("\u001b[1;35mx\u001b[22;39m", C.heading("x"));
    assertEquals("\u001b[4;34mx\u001b[24;39m", C.link("x"));
    assertEquals("\u001b[32mx\u001b[39m", C.good("x"));
    assertEquals("\u001b[31mx\u001b[39m", C.bad("x"));
    assertEquals("\u001b[33mx\u001b[39m", C.warn("x"));
  }

  @Test
  void emptyAndNullStayEmpty() {
    assertEquals("", C.bold(""));
    assertEquals("", C.bold(null));
    assertEquals("", Style.PLAIN.bold(null));
  }

  @Test
  void nestingReopensTheOuterStyle() {
    // the inner code colour is switched off with 39; the heading's colour must come back after it
    assertEquals("\u001b[1;35ma \u001b[36mb\u001b[39m\u001b[1;35m c\u001b[22;39m",
        C.heading("a " + C.code("b") + " c"));
    // dim and bold share the off code 22
    assertEquals("\u001b[1m\u001b[2mx\u001b[22m\u001b[1my\u001b[22m", C.bold(C.dim("x") + "y"));
  }
}
