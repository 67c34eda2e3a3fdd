package idrill.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class SanitizerTest {

  @Test
  void cleanTextIsReturnedAsIs() {
    String s = "Plain text, ünïcödé, 中文, 🙂, tabs\tand\nnewlines.";
    assertSame(s, Sanitizer.clean(s));
  }

  @Test
  void nullIsEmpty() {
    assertEquals("", Sanitizer.clean(null));
    assertEquals("", Sanitizer.oneLine(null));
  }

  @Test
  void removesEscAndOtherC0Controls() {
    assertEquals("a[2Jb", Sanitizer.clean("a\u001b[2Jb"));
    assertEquals("bell", Sanitizer.clean("be\u0007ll"));
    assertEquals("abc", Sanitizer.clean("a\u0000b\u0008c"));
    assertEquals("xy", Sanitizer.clean("x\u000by\u000c"));
    assertEquals("keep\ttab\nline", Sanitizer.clean("keep\ttab\nline"));
  }

  @Test
  void removesDelAndC1() {
    assertEquals("ab", Sanitizer.clean("a\u007fb"));
    assertEquals("31m", Sanitizer.clean("\u009b31m"), "C1 CSI");
    assertEquals("xy", Sanitizer.clean("x\u0080\u0085\u009fy"));
    assertEquals("é", Sanitizer.clean("é"), "U+00A0 and above survive");
    assertEquals("\u00a0", Sanitizer.clean("\u00a0"));
  }

  @Test
  void removesBidiControls() {
    assertEquals("evil", Sanitizer.clean("\u202eevil\u202c"));
    assertEquals("abcde", Sanitizer.clean("a\u202ab\u202bc\u202dd\u202ee"));
    assertEquals("x", Sanitizer.clean("\u2066\u2067\u2068x\u2069"));
    assertEquals("\u200e\u2065\u206a", Sanitizer.clean("\u200e\u2065\u206a"), "neighbours are kept");
  }

  @Test
  void normalisesLineEnds() {
    assertEquals("a\nb\nc\n\nd", Sanitizer.clean("a\r\nb\rc\r\n\rd"));
    assertEquals("a\nb\nc", Sanitizer.clean("a\u2028b\u2029c"));
  }

  @Test
  void oneLineFlattens() {
    assertEquals("a b c d e", Sanitizer.oneLine("a\nb\tc\r\nd\u2028e"));
    assertEquals("id-1", Sanitizer.oneLine("id\u001b-1"));
    String s = "plain id";
    assertSame(s, Sanitizer.oneLine(s));
  }
}
