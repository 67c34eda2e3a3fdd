package idrill.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MarkdownRendererTest {
  private static final Style C = new Style(true);

  private static List<String> plain(String md, int width) {
    return new MarkdownRenderer(width, Style.PLAIN).render(md);
  }

  private static List<String> plain(String md) {
    return plain(md, 60);
  }

  static List<String> names() throws Exception {
    return GoldenTest.names().toList();
  }

  @ParameterizedTest
  @MethodSource("names")
  void fixturesFitEveryWidth(String name) throws Exception {
    String md = GoldenTest.source(name);
    for (int w : new int[] {20, 27, 40, 60, 80, 120}) {
      for (Style style : new Style[] {Style.PLAIN, C}) {
        List<String> lines = new MarkdownRenderer(w, style).render(md);
        assertFalse(lines.isEmpty(), name);
        assertNotEquals("", lines.get(0), name + ": blank line at start");
        assertNotEquals("", lines.get(lines.size() - 1), name + ": blank line at end");
        for (int k = 0; k < lines.size(); k++) {
          String line = lines.get(k);
          assertTrue(Text.width(line) <= w, name + " at " + w + " too wide: " + line);
          assertFalse(line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0, name + ": newline in " + line);
          assertFalse(k > 0 && line.isEmpty() && lines.get(k - 1).isEmpty(), name + ": two blank lines");
          assertFalse(line.endsWith(" "), name + ": trailing space in '" + line + "'");
          assertNoLeak(line, style.color());
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("names")
  void noWidthLosesACharacter(String name) throws Exception {
    String md = GoldenTest.source(name);
    String all = visible(new MarkdownRenderer(100_000, 100_000, Style.PLAIN).render(md));
    for (int w = 20; w <= 170; w += 7) {
      String shown = visible(new MarkdownRenderer(w, Style.PLAIN).render(md));
      if (md.contains("|---")) { // tables may turn into records, which repeat the header: count, not order
        for (int cp : all.codePoints().distinct().toArray()) {
          assertTrue(shown.indexOf(cp) >= 0, name + " at " + w + " lost " + Character.toString(cp));
        }
      } else {
        assertEquals(all, shown, name + " at " + w);
      }
    }
  }

  /** The characters a reader sees, in order: no spaces, rules, quote bars or continuation marks. */
  private static String visible(List<String> lines) {
    return String.join("", lines).replace(Text.MARK, "").replaceAll("[\\s─│]", "");
  }

  /** No byte that drives a terminal, except (in colour) our own SGR, which must end balanced. */
  private static void assertNoLeak(String line, boolean color) {
    Text.Sgr sgr = new Text.Sgr();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\u001b') {
        assertTrue(color, "ESC in plain output: " + line);
        int end = Style.sgrEnd(line, i);
        assertTrue(end > 0, "non-SGR escape in: " + line);
        sgr.apply(line, i, end);
        i = end - 1;
        continue;
      }
      assertFalse(c < 0x20 || (c >= 0x7f && c <= 0x9f), "control " + (int) c + " in: " + line);
      assertFalse((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069), "bidi in: " + line);
    }
    assertFalse(sgr.active(), "styling leaks past: " + line);
  }

  @Test
  void sanitizesHostileText() throws Exception {
    String md = GoldenTest.source("sanitize");
    assertTrue(md.contains("\u001b[2J") && md.contains("\u009b") && md.contains("\u0007")
        && md.contains("\u007f") && md.contains("\u202e"), "fixture lost its hostile bytes");
    for (Style style : new Style[] {Style.PLAIN, C}) {
      String out = String.join("\n", new MarkdownRenderer(60, style).render(md));
      for (String bad : new String[] {"\u009b", "\u0007", "\u007f", "\u202e", "\u202c", "\u2066", "\r"}) {
        assertFalse(out.contains(bad), "leaked U+" + Integer.toHexString(bad.charAt(0)));
      }
      if (!style.color()) assertFalse(out.contains("\u001b"));
      assertFalse(out.contains("\u001b[2J") || out.contains("\u001b[31m") || out.contains("\u001b]"));
      for (String kept : new String[] {"Clear screen", "here, CSI", "there, bell", "and DEL", "gone.",
          "evil", "red?", "code", "a   tab", "CRLF line", "CR line"}) {
        assertTrue(out.contains(kept), "lost visible text: " + kept);
      }
    }
  }

  @Test
  void entitiesCannotSmuggleControls() {
    String out = String.join("\n", plain("a &#27;[2J b &#x9b;c &#x202E;d `&#27;` [x](y&#27;z)"));
    assertFalse(out.contains("\u001b") || out.contains("\u009b") || out.contains("\u202e"), out);
  }

  @Test
  void emptyInput() {
    assertEquals(List.of(), plain(""));
    assertEquals(List.of(), plain(null));
    assertEquals(List.of(), plain("\n\n  \n"));
  }

  @Test
  void widthBelowTwentyIsRaised() {
    String md = "word ".repeat(30);
    assertEquals(plain(md, 20), plain(md, 5));
    assertTrue(plain(md, 5).stream().anyMatch(l -> Text.width(l) > 15));
  }

  @Test
  void paragraphsWrapWithBlankLinesBetweenBlocks() {
    assertEquals(List.of("one two three four", "five six", "", "next"),
        plain("one two three four five six\n\nnext", 20));
  }

  @Test
  void inlineStylesInPlainMode() {
    assertEquals(List.of("bold italic code"), plain("**bold** _italic_ `code`"));
  }

  @Test
  void inlineStylesInColour() {
    assertEquals(List.of("\u001b[1mbold\u001b[22m \u001b[3mit\u001b[23m \u001b[36mcode\u001b[39m"),
        new MarkdownRenderer(60, C).render("**bold** *it* `code`"));
  }

  @Test
  void hardBreaks() {
    assertEquals(List.of("one", "two", "three"), plain("one  \ntwo\\\nthree"));
  }

  @Test
  void listsHangTheirText() {
    assertEquals(List.of(
        "• a long item that",
        "  wraps",
        "  ◦ nested item text",
        "    ▪ deep item with",
        "      words",
        "      • deeper"),
        plain("- a long item that wraps\n  - nested item text\n    - deep item with words\n      - deeper", 20));
  }

  @Test
  void orderedListsAlignNumbers() {
    String md = "9. nine\n10. ten and more words";
    assertEquals(List.of(" 9. nine", "10. ten and more", "    words"), plain(md, 20));
    assertEquals(List.of("3) c", "4) d"), plain("3) c\n4) d"));
  }

  @Test
  void codeBlocksIndentFoldAndExpandTabs() {
    List<String> out = plain("```\n\tx = 1\nthis line is definitely longer than twenty\n```", 20);
    assertEquals(List.of("        x = 1", "    this line is", "  ↪ definitely", "  ↪ longer than", "  ↪ twenty"), out);
  }

  @Test
  void aCodeLineWithoutSpacesFoldsAtTheLastColumnAndLosesNothing() {
    String blob = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0123456789abcdefghijklmnopqrstuvwxyz";
    List<String> out = plain("```\n" + blob + "\n```", 30);
    for (String line : out) assertTrue(Text.width(line) <= 30, line);
    StringBuilder back = new StringBuilder();
    for (String line : out) back.append(line.strip().replace("↪ ", ""));
    assertEquals(blob, back.toString());
    assertEquals("    " + blob.substring(0, 26), out.get(0));
  }

  @Test
  void proseKeepsAReadableMeasureWhileCodeUsesTheWholeWidth() {
    String words = "word ".repeat(60).strip();
    String code = "x".repeat(150);
    List<String> out = plain(words + "\n\n```\n" + code + "\n```", 160);
    for (String line : out.subList(0, out.indexOf(""))) assertTrue(Text.width(line) <= MarkdownRenderer.MEASURE, line);
    assertTrue(out.contains("    " + code), "a 154-column code line fits a 160-column screen");
    List<String> all = new MarkdownRenderer(160, 160, Style.PLAIN).render(words);
    assertTrue(Text.width(all.get(0)) > 150, "a measure as wide as the screen switches it off");
  }

  @Test
  void inlineMathMovesWholeRatherThanBreakingInside() {
    List<String> out = plain("The loss grows as \\(a + b = c\\) here.", 22);
    assertEquals(List.of("The loss grows as", "a + b = c here."), out);
  }

  @Test
  void aTableTooWideForItsColumnsShowsAsRecordsWithEveryCell() {
    String md = "| name | kind | value | note | more |\n|---|---|---|---|---|\n"
        + "| alpha-beta-gamma | structural | 123456789 | long explanation here | tail text |\n";
    List<String> out = plain(md, 20);
    assertEquals(List.of("name:", "  alpha-beta-gamma", "kind: structural", "value: 123456789",
        "note: long", "  explanation here", "more: tail text"), out);
  }

  @Test
  void blockquotesAndRules() {
    assertEquals(List.of("│ quoted", "", "─".repeat(20)), plain("> quoted\n\n***", 20));
  }

  @Test
  void headingsAreTheirText() {
    assertEquals(List.of("Title", "", "Sub title"), plain("# Title\n\nSub title\n---------"));
    assertEquals(List.of("\u001b[1;35mTitle\u001b[22;39m"), new MarkdownRenderer(60, C).render("# Title"));
  }

  @Test
  void links() {
    assertEquals(List.of("text (http://a.b)"), plain("[text](http://a.b)"));
    assertEquals(List.of("http://a.b"), plain("[http://a.b](http://a.b)"));
    assertEquals(List.of("http://a.b"), plain("<http://a.b>"));
    assertEquals(List.of("me@x.org"), plain("<me@x.org>"));
    assertEquals(List.of("ref (http://r.s)"), plain("[ref][1]\n\n[1]: http://r.s"));
    assertEquals(List.of("[image: alt] (p.png)"), plain("![alt](p.png)"));
    assertEquals(List.of("[image] (p.png)"), plain("![](p.png)"));
  }

  @Test
  void html() {
    assertEquals(List.of("a", "b c"), plain("a<br>b <span>c</span>"));
    assertEquals(List.of("Hint", "", "Body"), plain("<details><summary>Hint</summary>\n\nBody\n\n</details>"));
    assertEquals(List.of("x < y & z"), plain("<p>x &lt; y &amp; z</p>"));
    assertEquals(List.of("after"), plain("<!-- hidden -->\n\nafter"));
  }

  @Test
  void tableShrinksWidestColumn() {
    String md = "| a | b |\n|---|---|\n| 1 | two words here and more |";
    assertEquals(List.of("a  b", "─".repeat(26), "1  two words here and more"), plain(md));
    assertEquals(List.of("a  b", "─".repeat(17), "1  two words here", "   and more"), plain(md, 20));
  }

  @Test
  void tableAlignment() {
    String md = "| l | c | r |\n|:--|:-:|--:|\n| xxxx | xxxx | xxxx |";
    assertEquals(List.of("l      c       r", "────────────────", "xxxx  xxxx  xxxx"), plain(md));
  }

  @Test
  void inlineMathIsNotMarkdown() {
    assertEquals(List.of("aᵢ * bᵢ and x_y*z"), plain("$a_i * b_i$ and x_y*z"));
    assertEquals(List.of("emphasis stays: em and x²"), plain("emphasis stays: *em* and \\(x^2\\)"));
    assertEquals(List.of("bold: x²"), plain("**bold: $x^2$**"));
  }

  @Test
  void displayMathGetsItsOwnIndentedLine() {
    assertEquals(List.of("before", "    x²", "after"), plain("before \\[x^2\\] after"));
    assertEquals(List.of("    Σᵢ xᵢ"), plain("$$\n\\sum_i x_i\n$$"));
    assertEquals(List.of("• item:", "      a = b"), plain("- item:\n  $$a = b$$"));
    assertEquals(List.of("    a", "    b"), plain("$$a \\\\ b$$"));
  }

  @Test
  void currencyIsNotMath() {
    assertEquals(List.of("costs $5 and $10 now"), plain("costs $5 and $10 now"));
    assertEquals(List.of("$5"), plain("$5"));
    assertEquals(List.of("a $ b $ c"), plain("a $ b $ c"));
    assertEquals(List.of("$x$ stays"), plain("\\$x\\$ stays"));
  }

  @Test
  void mathNeedsItsCloserInTheSameParagraph() {
    assertEquals(List.of("$a", "", "b$"), plain("$a\n\nb$"));
    assertEquals(List.of("(a", "", "b)"), plain("\\(a\n\nb\\)"));
  }

  @Test
  void codeKeepsMathDelimitersAsWritten() {
    assertEquals(List.of("$x_1$ and \\(y\\)"), plain("`$x_1$` and `\\(y\\)`"));
    assertEquals(List.of("    echo $HOME $x$"), plain("```sh\necho $HOME $x$\n```"));
    assertEquals(List.of("│ before", "│", "│     $a_b$", "│", "│ $c$"),
        plain("> before\n>\n> ```\n> $a_b$\n> ```\n>\n> \\$c\\$"));
    assertEquals(List.of("    $a_b$"), plain("    $a_b$"), "indented code keeps math as written");
  }

  @Test
  void mathInTablesAndHeadings() {
    assertEquals(List.of("x²"), plain("# $x^2$"));
    List<String> t = plain("| f | v |\n|---|---|\n| $a|b$ | \\[x_i\\] |");
    assertEquals("a|b  xᵢ", t.get(2));
  }

  @Test
  void mermaidChainIsOneLine() {
    String md = "```mermaid\ngraph LR\n  A[Logits] -- normalization --> B[Soft Targets]\n"
        + "  B -- encoding --> C[Hard Targets]\n```";
    assertEquals(List.of("Logits ──normalization──▶ Soft Targets ──encoding──▶ Hard Targets"), plain(md, 80));
    assertEquals(List.of("Logits ──normalization──▶ Soft Targets ──encoding──▶", "Hard Targets"),
        plain(md, 60), "breaks between nodes, not inside a label");
    assertEquals(List.of("    graph TD", "      A --> B", "      A --> C"),
        plain("```mermaid\ngraph TD\n  A --> B\n  A --> C\n```"));
  }

  @Test
  void unclosedOpenersStayFast() {
    for (String unit : new String[] {"\\( ", "\\[ ", "$a ", "$$ ", "`` ", "&amp ", "<b "}) {
      String md = unit.repeat(40_000) + "end";
      List<String> out = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> plain(md));
      assertTrue(out.get(out.size() - 1).endsWith("end"), unit);
    }
  }

  @Test
  void deepNestingStopsIndentingInsteadOfLosingText() {
    List<String> q = plain(">".repeat(50) + " deep text", 20);
    assertEquals(List.of("│ │ │ │ │ │ deep", "│ │ │ │ │ │ text"), q);
    List<String> l = plain("- ".repeat(30) + "item", 20);
    assertTrue(l.get(l.size() - 1).endsWith("item"), String.join("\n", l));
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> plain(">".repeat(20_000) + " x"));
  }

  @Test
  void noPlaceholderEverLeaks() {
    String md = "$a$ `$b$` [$c$](d) ![$e$](f) <b>$g$</b> \\[h\\]\n\n| $i$ |\n|--|\n| $j$ |\n\n# $k$";
    for (String line : plain(md)) {
      for (char c : line.toCharArray()) assertFalse(c < 0x20, "placeholder left in: " + line);
    }
  }

  /** Text the plain-paragraph shortcut takes renders exactly as commonmark-java renders it, at every width. */
  @Test
  void plainProseRendersAlikeWithAndWithoutTheShortcut() throws Exception {
    List<String> texts = new java.util.ArrayList<>();
    // every question and answer line of the bundled bank, and made-up prose with the characters the shortcut lets by
    String bank = new String(MarkdownRendererTest.class.getResourceAsStream("/idrill/questions.yaml").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    for (String line : bank.split("\n")) texts.add(line.replaceFirst("^\\s*(- )?(question|answer|id): ", "").strip());
    String alphabet = "abc_def_ghij KLMNOP qrstuv wxyz 0123 45 6789 .,;:?'\"()/-+=#%@^{}°é中文😀 ";
    java.util.Random random = new java.util.Random(7);
    for (int n = 0; n < 400; n++) {
      StringBuilder b = new StringBuilder().append((char) ('A' + random.nextInt(26)));
      int len = random.nextInt(n % 4 == 0 ? 400 : 80);
      for (int k = 0; k < len; k++) b.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
      texts.add(b.toString());
    }
    int shortcut = 0;
    for (String text : texts) {
      if (MarkdownRenderer.plainParagraph(text)) shortcut++;
      for (int w : new int[] {20, 33, 40, 80, 160}) {
        for (Style style : new Style[] {Style.PLAIN, C}) {
          MarkdownRenderer r = new MarkdownRenderer(w, style);
          assertEquals(r.render(text, false), r.render(text, true), w + " columns: " + text);
        }
      }
    }
    assertTrue(shortcut > 300, "the shortcut took only " + shortcut + " of " + texts.size());
    // what it must leave to commonmark
    for (String markup : List.of("1. a list", "- a list", "# a heading", "> a quote", "    code", "a *b*", "a `b`",
        "a [b](c)", "a &amp; b", "a _b_", "snake_ case", "a <b>", "a $x$", "a\\b", "two\nlines", "a | b", "===", " leading space")) {
      assertFalse(MarkdownRenderer.plainParagraph(markup), markup);
    }
  }
}
