package idrill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
