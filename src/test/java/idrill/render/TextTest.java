package idrill.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTest {
  private static final Style C = new Style(true);

  @Test
  void widthCountsColumns() {
    assertEquals(0, Text.width(null));
    assertEquals(0, Text.width(""));
    assertEquals(5, Text.width("hello"));
    assertEquals(4, Text.width("中文"), "CJK is wide");
    assertEquals(6, Text.width("ｆｕｌ"), "fullwidth forms are wide");
    assertEquals(4, Text.width("한국"), "Hangul syllables are wide");
    assertEquals(2, Text.width("🙂"), "emoji outside the BMP is wide");
    assertEquals(2, Text.width("⭐"), "wide emoji inside the BMP");
    assertEquals(1, Text.width("e\u0301"), "combining acute takes no column");
    assertEquals(4, Text.width("café"));
    assertEquals(2, Text.width("👨\u200d👩\u200d👧"), "a ZWJ sequence is one glyph");
    assertEquals(1, Text.width("𝒳"), "math alphanumerics are narrow");
    assertEquals(3, Text.width("→≤∑"));
  }

  @Test
  void widthIgnoresEscapes() {
    assertEquals(4, Text.width(C.bold("bold")));
    assertEquals(8, Text.width(C.heading("a " + C.code("code") + " b")));
    assertEquals(2, Text.width("\u001b[38;5;208mab\u001b[0m"));
    assertEquals(0, Text.width("\u001b[m"));
    assertEquals(2, Text.width("\u0007a\u0000b"), "controls take no column");
  }

  @Test
  void cutLeavesShortTextAlone() {
    String s = "short";
    assertSame(s, Text.cut(s, 5));
    assertEquals("", Text.cut("abc", 0));
    assertEquals("", Text.cut(null, 3));
  }

  @Test
  void cutAppendsEllipsis() {
    assertEquals("hell…", Text.cut("hello world", 5));
    assertEquals("…", Text.cut("hello", 1));
    assertEquals(5, Text.width(Text.cut("hello world", 5)));
  }

  @Test
  void cutNeverSplitsAWideCharacter() {
    assertEquals("中…", Text.cut("中文字", 4), "the second ideograph would need columns 3-4 plus the ellipsis");
    assertEquals("中文…", Text.cut("中文字", 5));
    assertEquals("a🙂…", Text.cut("a🙂🙂", 4));
  }

  @Test
  void cutKeepsStylingBalanced() {
    String s = C.bold("bold text here") + " tail";
    String cut = Text.cut(s, 6);
    assertEquals("\u001b[1mbold …\u001b[0m", cut);
    assertEquals(6, Text.width(cut));
    // cutting after the styled part closed needs no reset
    String after = Text.cut(C.bold("ab") + " plain text", 6);
    assertEquals("\u001b[1mab\u001b[22m pl…", after);
  }

  @Test
  void wrapIsGreedyByWords() {
    assertEquals(List.of("the quick", "brown fox", "jumps"), Text.wrap("the quick brown fox jumps", 10));
    assertEquals(List.of("exactly ten"), Text.wrap("exactly ten", 11));
    assertEquals(List.of("a b"), Text.wrap("  a   b  ", 10), "runs of spaces collapse");
    assertEquals(List.of(), Text.wrap("", 10));
    assertEquals(List.of(), Text.wrap(null, 10));
    assertEquals(List.of(), Text.wrap("   ", 10));
  }

  @Test
  void wrapFoldsLongWordsWithAContinuationMark() {
    assertEquals(List.of("abcd", "↪ ef", "↪ gh", "↪ ij"), Text.wrap("abcdefghij", 4));
    assertEquals(List.of("to", "abcd", "↪ ef", "↪ gh"), Text.wrap("to abcdefgh", 4));
    assertEquals(List.of("abc", "def", "ghi", "j"), Text.wrap("abcdefghij", 3), "no room for a mark");
    assertEquals("abcdefghij", String.join("", Text.wrap("abcdefghij", 4)).replace(Text.MARK, ""));
  }

  @Test
  void aLongUrlFoldsAfterASeparatorAndKeepsEveryCharacter() {
    String url = "https://example.com/some/very/long/path/to/a/page.html?x=1";
    List<String> lines = Text.wrap("see " + url + " now", 30);
    assertEquals(List.of("see", "https://example.com/some/very/", "↪ long/path/to/a/page.html?x=1", "now"), lines);
    assertEquals(url, (lines.get(1) + lines.get(2)).replace(Text.MARK, ""));
  }

  @Test
  void foldKeepsStyledTextWholeAndBalanced() {
    String s = C.code("abcdefghijkl");
    List<String> parts = Text.fold(s, 6);
    for (String p : parts) assertTrue(Text.width(p) <= 6, p);
    assertEquals("abcdefghijkl", String.join("", parts).replaceAll("\u001b\\[[0-9;]*m", "").replace(Text.MARK, ""));
    assertTrue(parts.get(0).endsWith("\u001b[0m"), "styling is reset where a piece ends");
    assertTrue(parts.get(1).startsWith(Text.MARK + "\u001b["), "the mark is unstyled and the style reopens after it");
  }

  @Test
  void foldOfPlainTextPrefersSpacesAndDropsOnlyTheSpacesItFellOn() {
    assertEquals(List.of("print(\"far too", "↪ long\", i)"), Text.fold("print(\"far too long\", i)", 15));
    assertEquals(List.of("short"), Text.fold("short", 15));
    assertEquals(List.of("中文中文", "↪ 中文"), Text.fold("中文中文中文", 8), "wide characters count two columns");
  }

  @Test
  void glueKeepsShortRunsTogetherAndPartsWhenWiderThanALine() {
    String g = "x" + Text.GLUE + "=" + Text.GLUE + "y";
    assertEquals(List.of("some text", "x = y"), Text.wrap("some text " + g, 12), "moves whole, comes out as spaces");
    String wide = String.join(String.valueOf(Text.GLUE), "aaaa", "bbbb", "cccc");
    assertEquals(List.of("aaaa bbbb", "cccc"), Text.wrap(wide, 9), "wider than a line: breaks at the glue");
  }

  @Test
  void wrapHonoursNewlines() {
    assertEquals(List.of("one", "two"), Text.wrap("one\ntwo", 20));
    assertEquals(List.of("one", "", "two"), Text.wrap("one\n\ntwo", 20));
  }

  @Test
  void wrapMeasuresDisplayWidth() {
    assertEquals(List.of("中文中文", "中文"), Text.wrap("中文中文中文", 8), "CJK breaks between ideographs unmarked");
    assertEquals(List.of("中文中", "文"), Text.wrap("中文中文", 7), "a wide char never straddles the edge");
    assertEquals(List.of("café café", "café"), Text.wrap("café café café", 9));
    assertEquals(List.of("🙂🙂", "🙂"), Text.wrap("🙂🙂🙂", 5));
  }

  @Test
  void wrapReopensStylingOnEachLine() {
    List<String> lines = Text.wrap("plain " + C.bold("bold words that wrap") + " end", 10);
    assertEquals(List.of(
        "plain \u001b[1mbold\u001b[0m",
        "\u001b[1mwords that\u001b[0m",
        "\u001b[1mwrap\u001b[22m end"), lines);
    for (String line : lines) {
      assertTrue(Text.width(line) <= 10);
      Text.Sgr sgr = new Text.Sgr();
      for (int i = line.indexOf('\u001b'); i >= 0; i = line.indexOf('\u001b', i + 1)) {
        sgr.apply(line, i, Text.escEnd(line, i));
      }
      assertFalse(sgr.active(), "styling leaks past the end of: " + line);
    }
  }

  @Test
  void wrapNeverExceedsWidth() {
    String s = "Lorem ipsum dolor 中文字符 sit amet, 🙂 consectetur adipiscing elit https://x.example/aaaaaaaaaaaaaaaaaaa";
    for (int w = 1; w <= 30; w++) {
      for (String line : Text.wrap(s, w)) {
        assertTrue(Text.width(line) <= Math.max(w, 2), w + ": " + line);
      }
    }
  }
}
