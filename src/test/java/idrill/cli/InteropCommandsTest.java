package idrill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import and export end to end: what they write loads back, and export then import round-trips. */
class InteropCommandsTest {
  @TempDir Path home;
  CliHarness cli;
  String bank;

  @BeforeEach
  void setUp() throws IOException {
    cli = new CliHarness(home);
    Path b = home.resolve("small.yaml");
    Files.writeString(b, CommandsTest.SMALL);
    bank = b.toString();
  }

  /** question, answer and tags of every question, in order, from list --format json. */
  List<String> contents(String bankPath) {
    var r = cli.run("list", "--bank", bankPath, "--format", "json");
    assertEquals(0, r.code(), r.toString());
    List<String> out = new ArrayList<>();
    for (JsonElement e : JsonParser.parseString(r.out()).getAsJsonArray()) {
      var o = e.getAsJsonObject();
      out.add(o.get("question").getAsString() + " | " + o.get("answer").getAsString().strip() + " | " + o.get("tags"));
    }
    return out;
  }

  @Test
  void exportThenImportRoundTripsQuestionsAnswersAndTags() {
    for (String format : List.of("anki", "markdown")) {
      Path exported = home.resolve("export." + (format.equals("anki") ? "txt" : "md"));
      var ex = cli.run("export", "--bank", bank, "--format", format, "-o", exported.toString());
      assertEquals(0, ex.code(), ex.toString());
      Path back = home.resolve("back-" + format + ".yaml");
      var im = cli.run("import", exported.toString(), "-o", back.toString());
      assertEquals(0, im.code(), im.toString());
      assertTrue(im.err().contains("4 questions"), im.err());
      assertEquals(0, cli.run("validate", back.toString()).code());
      // Markdown groups questions by tag, so compare regardless of order.
      assertEquals(contents(bank).stream().sorted().toList(), contents(back.toString()).stream().sorted().toList(), format);
    }
  }

  @Test
  void exportYamlIsABankAndJsonIsListJson() {
    Path yaml = home.resolve("copy.yaml");
    assertEquals(0, cli.run("export", "--bank", bank, "--format", "yaml", "-o", yaml.toString()).code());
    assertEquals(contents(bank), contents(yaml.toString()));
    var json = cli.run("export", "--bank", bank, "--format", "json", "-t", "clustering");
    JsonArray arr = JsonParser.parseString(json.out()).getAsJsonArray();
    assertEquals(2, arr.size());
    assertEquals(JsonParser.parseString(cli.run("list", "--bank", bank, "-t", "clustering", "--format", "json").out()),
        arr);
  }

  @Test
  void importWritesAValidBankToStdoutAndReportsWhatItFound() throws IOException {
    Path md = home.resolve("qs.md");
    Files.writeString(md, "# ML\n\n## Clustering\n\n**What is k-means?**\n\nA clustering algorithm.\n\n"
        + "**What is DBSCAN?**\n\nDensity-based clustering.\n\n**Unanswered question?**\n\n## Trees\n\n"
        + "**What is a decision tree?**\n\n- splits\n- leaves\n");
    var r = cli.run("import", md.toString(), "--tag", "imported");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("questions:"), r.out());
    assertTrue(r.out().contains("answer: |"), "literal block scalars: " + r.out());
    assertTrue(r.err().contains("3 questions (bold layout), 1 skipped"), r.err());
    Path out = home.resolve("imported.yaml");
    Files.writeString(out, r.out());
    var tags = cli.run("tags", "--bank", out.toString());
    assertTrue(tags.out().contains("imported") && tags.out().contains("clustering") && tags.out().contains("trees"),
        tags.out());
  }

  @Test
  void reimportIntoTheSameBankKeepsIdsOfUnchangedQuestions() throws IOException {
    Path md = home.resolve("qs.md");
    Files.writeString(md, "## Clustering\n\n**What is k-means?**\n\nA clustering algorithm.\n");
    Path out = home.resolve("bank.yaml");
    assertEquals(0, cli.run("import", md.toString(), "-o", out.toString()).code());
    String firstId = JsonParser.parseString(cli.run("list", "--bank", out.toString(), "--format", "json").out())
        .getAsJsonArray().get(0).getAsJsonObject().get("id").getAsString();
    Files.writeString(out, Files.readString(out).replace("id: " + firstId, "id: my-kmeans"));
    Files.writeString(md, "## Clustering\n\n**What is k-means?**\n\nA clustering algorithm.\n\n**What is DBSCAN?**\n\nDensity.\n");
    var r = cli.run("import", md.toString(), "-o", out.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.err().contains("1 unchanged"), r.err());
    var ids = cli.run("list", "--bank", out.toString(), "--format", "json").out();
    assertTrue(ids.contains("\"my-kmeans\""), ids);
    assertEquals(2, JsonParser.parseString(ids).getAsJsonArray().size());
  }

  @Test
  void importOfAMissingFileIsAnIoError() {
    var r = cli.run("import", home.resolve("nope.md").toString());
    assertEquals(74, r.code(), r.toString());
  }

  static final String RICH = "questions:\n"
      + "  - id: my-own-id\n    question: What is a Bloom filter?\n    answer: |\n      A set test with false positives:\n\n"
      + "      - k hashes\n      - one bit array\n    tags: [data-structures, probabilistic]\n    difficulty: hard\n"
      + "    refs:\n      - https://en.wikipedia.org/wiki/Bloom_filter\n      - {title: The paper, url: 'https://example.org/bloom.pdf'}\n"
      + "  - id: x2\n    question: What is *amortised* cost?\n    answer: The average over a worst-case sequence.\n"
      + "    tags: [complexity]\n    difficulty: easy\n";

  /** Everything of every question but the position, from list --format json. */
  String fields(String bankPath) {
    var r = cli.run("list", "--bank", bankPath, "--format", "json");
    assertEquals(0, r.code(), r.toString());
    return r.out();
  }

  @Test
  void everyExportFormatImportsBackWithTheSameIdsRefsAndDifficulty() throws IOException {
    Path rich = home.resolve("rich.yaml");
    Files.writeString(rich, RICH);
    String expected = fields(rich.toString());
    for (String format : List.of("anki", "markdown", "json", "yaml")) {
      Path exported = home.resolve("rich-export." + format);
      var ex = cli.run("export", "--bank", rich.toString(), "--format", format, "-o", exported.toString());
      assertEquals(0, ex.code(), ex.toString());
      Path back = home.resolve("rich-back-" + format + ".yaml");
      var im = cli.run("import", exported.toString(), "-o", back.toString());
      assertEquals(0, im.code(), format + ": " + im);
      assertEquals(expected, fields(back.toString()), format);
    }
    // the Anki export carries the difficulty as a tag, not as an emoji in the question
    String anki = cli.run("export", "--bank", rich.toString(), "--format", "anki").out();
    assertTrue(anki.contains("difficulty::hard") && !anki.contains("\uD83D\uDE80"), anki);
  }

  @Test
  void exportToStdoutCarriesNoTerminalControlsAndAnkiNoLiveHtml() throws IOException {
    Path hostile = home.resolve("hostile.yaml");
    Files.writeString(hostile, "questions:\n  - id: evil\n    question: \"Clipboard \\e]52;c;aGk=\\a \\x9b31m?\"\n"
        + "    answer: |\n      <script>alert(1)</script>\n\n      <img src=\"x.png\" onerror=\"alert(2)\">\n\n"
        + "      <iframe src=\"https://example.org\"></iframe>\n\n      [click](javascript:alert(3)) and <b onclick=\"x()\">bold</b>\n"
        + "    tags: [t]\n");
    for (String format : List.of("markdown", "anki")) {
      String out = cli.run("export", "--bank", hostile.toString(), "--format", format).out();
      assertTrue(out.contains("Clipboard"), out);
      assertFalse(out.chars().anyMatch(c -> c == 0x1b || c == 0x07 || (c >= 0x80 && c <= 0x9f)), format + ": " + out);
    }
    String anki = cli.run("export", "--bank", hostile.toString(), "--format", "anki").out().toLowerCase(java.util.Locale.ROOT);
    for (String live : List.of("<script", "onerror", "onclick", "<iframe", "javascript:")) assertFalse(anki.contains(live), live + ": " + anki);
    assertTrue(anki.contains("<b>bold</b>"), anki);
  }

  @Test
  void importDropsLiveHtmlFromMarkdown() throws IOException {
    Path md = home.resolve("live.md");
    Files.writeString(md, "## Web\n\n### What is XSS?\n\nInjected script:\n\n<script>steal()</script>\n\n"
        + "<a href=\"javascript:steal()\">here</a> or <span onmouseover=\"steal()\">there</span>.\n\n"
        + "### What is CSRF?\n\nA forged request.\n");
    var r = cli.run("import", md.toString());
    assertEquals(0, r.code(), r.toString());
    String out = r.out().toLowerCase(java.util.Locale.ROOT);
    for (String live : List.of("<script", "javascript:", "onmouseover")) assertFalse(out.contains(live), live + ": " + out);
    assertTrue(out.contains("injected script:") && out.contains("there"), out);
  }

  @Test
  void oneBadEntryIsSkippedWithFileAndLineAndTheRestImported() throws IOException {
    Path md = home.resolve("long.md");
    Files.writeString(md, "## Parts\n\n### What is a page?\n\nA block.\n\n### What is a mis-split?\n\n"
        + "word ".repeat(30_000) + "\n\n### What is a TLB?\n\nA cache.\n");
    var r = cli.run("import", md.toString(), "-o", home.resolve("long.yaml").toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.err().contains(md + ":7: skipped: answer longer than 100000 characters"), r.err());
    assertEquals(0, cli.run("validate", home.resolve("long.yaml").toString()).code());
  }

  @Test
  void aDocumentWithoutQuestionsExitsThreeAndSaysWhy() throws IOException {
    Path md = home.resolve("links.md");
    Files.writeString(md, "# Awesome\n\n## Go\n\n- [Tour](https://go.dev/tour)\n- [Spec](https://go.dev/ref/spec)\n");
    var r = cli.run("import", md.toString());
    assertEquals(3, r.code(), r.toString());
    assertTrue(r.err().contains("0 questions (none layout): a list of links, not questions and answers"), r.err());
  }

  @Test
  void aBankDirectoryTargetWritesPartsThatLoadAndMergesOnReimport() throws IOException {
    Path md = home.resolve("qs.md");
    Files.writeString(md, "## Sets\n\n### What is a set?\n\nDistinct items.\n\n### What is a multiset?\n\nCounted items.\n");
    Path dir = home.resolve("banks");
    var r = cli.run("import", md.toString(), "-o", dir + "/");
    assertEquals(0, r.code(), r.toString());
    assertTrue(Files.isRegularFile(dir.resolve("part-001.yaml")), r.err());
    assertEquals(2, JsonParser.parseString(fields(dir.toString())).getAsJsonArray().size());
    Files.writeString(md, Files.readString(md) + "\n### What is a bag?\n\nA multiset.\n");
    var again = cli.run("import", md.toString(), "-o", dir + "/");
    assertTrue(again.err().contains("2 unchanged, 0 updated, 1 added"), again.err());
    assertEquals(3, JsonParser.parseString(fields(dir.toString())).getAsJsonArray().size());
  }

  /** id → keywords of every question, from list --format json. */
  java.util.Map<String, String> keywords(String bankPath) {
    var r = cli.run("list", "--bank", bankPath, "--format", "json");
    assertEquals(0, r.code(), r.toString());
    java.util.Map<String, String> out = new java.util.TreeMap<>();
    for (JsonElement e : JsonParser.parseString(r.out()).getAsJsonArray()) {
      var o = e.getAsJsonObject();
      out.put(o.get("id").getAsString(), String.valueOf(o.get("keywords")));
    }
    return out;
  }

  @Test
  void importTakesKeywordsFromBoldTermsAndYamlAndJsonExportsKeepThem() throws IOException {
    Path md = home.resolve("bold.md");
    Files.writeString(md, "## Training\n\n### What does backpropagation compute?\n\n"
        + "The **gradient** of the loss for every weight, by the **chain rule**. **Note:** it needs a differentiable loss.\n\n"
        + "### What is dropout?\n\nRandomly zeroing activations while training.\n");
    Path bank = home.resolve("bold.yaml");
    var im = cli.run("import", md.toString(), "-o", bank.toString());
    assertEquals(0, im.code(), im.toString());
    var kw = keywords(bank.toString());
    assertEquals("[\"gradient\",\"chain rule\"]", kw.get("what-does-backpropagation-compute"), kw.toString());
    assertEquals("null", kw.get("what-is-dropout"), "no bold terms, no keywords (a label such as 'Note:' is none)");
    for (String format : List.of("yaml", "json")) {
      Path exported = home.resolve("kw." + format);
      assertEquals(0, cli.run("export", "--bank", bank.toString(), "--format", format, "-o", exported.toString()).code());
      Path back = home.resolve("kw-back-" + format + ".yaml");
      var again = cli.run("import", exported.toString(), "-o", back.toString());
      assertEquals(0, again.code(), again.toString());
      assertEquals(kw, keywords(back.toString()), format);
    }
    // re-importing the source into the bank keeps the keywords edited in the bank
    Files.writeString(bank, Files.readString(bank).replace("[gradient, chain rule]", "[gradient|derivative, chain rule, weights]"));
    var merged = cli.run("import", md.toString(), "-o", bank.toString());
    assertEquals(0, merged.code(), merged.toString());
    assertTrue(keywords(bank.toString()).get("what-does-backpropagation-compute").contains("gradient|derivative"),
        keywords(bank.toString()).toString());
  }
}
