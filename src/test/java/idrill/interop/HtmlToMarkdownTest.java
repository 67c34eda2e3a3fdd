package idrill.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlToMarkdownTest {

  @Test
  void paragraphsBreaksAndEmphasis() {
    assertEquals("one *two* **three**\\\nfour\n\nfive", HtmlToMarkdown.convert("one <i>two</i> <b> three </b><br>four<br><br>five"));
    assertEquals("first\n\nsecond", HtmlToMarkdown.convert("<div>first</div><div>second</div>"));
  }

  @Test
  void nestedListsAndNumbering() {
    assertEquals("3. a\n   - b\n4. c", HtmlToMarkdown.convert("<ol start=\"3\"><li>a<ul><li>b</li></ul></li><li>c</li></ol>"));
  }

  @Test
  void entitiesAreDecodedAndMarkdownSpecialsEscaped() {
    assertEquals("a \\< b \\& c\u00A0d → \\*not emphasis\\*".replace('\u00A0', ' '),
        HtmlToMarkdown.convert("a &lt; b &amp; c&nbsp;d &rarr; *not emphasis*"));
  }

  @Test
  void linksImagesAndCode() {
    assertEquals("[docs](https://example.org/d \"Docs\") ![a cat](cat.png) `x < y`",
        HtmlToMarkdown.convert("<a href=\"https://example.org/d\" title=\"Docs\">docs</a> <img src=\"cat.png\" alt=\"a cat\"> <code>x &lt; y</code>"));
  }

  @Test
  void preKeepsLinesAndLanguage() {
    assertEquals("```python\nif x:\n    y()\n```", HtmlToMarkdown.convert("<pre><code class=\"language-python\">if x:<br>    y()</code></pre>"));
  }

  @Test
  void tablesBecomePipeTables() {
    assertEquals("|a|b|\n|---|:---:|\n|1|2 \\| 3|",
        HtmlToMarkdown.convert("<table><tr><th>a</th><th align=\"center\">b</th></tr><tr><td>1</td><td>2 | 3</td></tr></table>"));
  }

  @Test
  void mathIsNotEscaped() {
    assertEquals("\\(x_1 * y\\) costs $5 and $6", HtmlToMarkdown.convert("\\(x_1 * y\\) costs $5 and $6"));
  }

  @Test
  void plainTextKeepsItsLines() {
    assertEquals("a\\\nb\n\nc \\*d\\*", HtmlToMarkdown.fromPlain("a\nb\n\nc *d*"));
  }
}
