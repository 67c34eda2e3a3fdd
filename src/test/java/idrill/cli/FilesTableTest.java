package idrill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import idrill.config.FilesAndEnvironment;
import idrill.config.FilesAndEnvironment.Entry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** README's Files and Environment tables and the man page's FILES and ENVIRONMENT are the one table, alike. */
class FilesTableTest {
  static final Path README = Path.of(System.getProperty("idrill.basedir", ".")).resolve("README.md");

  /** The README rows a table gives, in its order. */
  static List<String> rows(List<Entry> table) {
    return table.stream().map(e -> "| `" + e.name() + "` | " + e.meaning() + " |").toList();
  }

  /** The rows of the tables under a README heading, up to the next heading of that level. */
  static List<String> readmeRows(String heading) throws Exception {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int at = readme.indexOf("\n" + heading + "\n");
    assertTrue(at >= 0, "README has no " + heading);
    int end = readme.indexOf("\n## ", at + 1);
    return readme.substring(at, end < 0 ? readme.length() : end).lines().filter(l -> l.startsWith("| `")).toList();
  }

  @Test
  void readmesFilesTableIsTheTable() throws Exception {
    assertEquals(String.join("\n", rows(FilesAndEnvironment.FILES)), String.join("\n", readmeRows("## Files")),
        "README's Files table: paste the expected rows");
  }

  @Test
  void readmesEnvironmentTableIsTheTable() throws Exception {
    assertEquals(String.join("\n", rows(FilesAndEnvironment.ENVIRONMENT)),
        String.join("\n", readmeRows("## Environment")), "README's Environment table: paste the expected rows");
  }

  @Test
  void theManPagesFilesAndEnvironmentAreTheTable() {
    String page = ManPage.troff("0");
    String env = page.substring(page.indexOf("\n.SH ENVIRONMENT\n"), page.indexOf("\n.SH FILES\n") + 1);
    String files = page.substring(page.indexOf("\n.SH FILES\n"), page.indexOf("\n.SH EXAMPLES\n") + 1);
    for (var section : List.of(java.util.Map.entry(env, FilesAndEnvironment.ENVIRONMENT),
        java.util.Map.entry(files, FilesAndEnvironment.FILES))) {
      assertEquals(section.getValue().size(), section.getKey().split("\n\\.TP\n", -1).length - 1, section.getKey());
      for (Entry e : section.getValue()) {
        String meaning = ManPage.escape(e.meaning().replace("`", ""));
        assertTrue(section.getKey().contains(".TP\n.B " + ManPage.escape(e.name()) + "\n" + meaning + "\n"),
            e.name() + " in the man page:\n" + section.getKey());
      }
    }
  }

  @Test
  void everyVariableTheCodeReadsIsInTheTable() throws Exception {
    // the names passed to getenv/env.get in main code: a variable read there and not documented is a drift
    java.util.Set<String> read = new java.util.TreeSet<>();
    java.util.regex.Pattern p = java.util.regex.Pattern.compile("(?:getenv|env\\(\\)\\.get|env\\.get)\\(\"([A-Z_]+)\"\\)");
    try (var files = Files.walk(README.getParent().resolve("src/main/java"))) {
      for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".java"))::iterator) {
        var m = p.matcher(Files.readString(f));
        while (m.find()) read.add(m.group(1));
      }
    }
    assertFalse(read.isEmpty());
    String names = String.join(", ", FilesAndEnvironment.ENVIRONMENT.stream().map(Entry::name).toList());
    for (String v : read) assertTrue(List.of(names.split(", ")).contains(v), v + " is read but not in the table");
  }

  @Test
  void noMeaningBreaksAMarkdownTableOrSpansLines() {
    for (Entry e : concat()) {
      assertFalse(e.meaning().contains("|") || e.meaning().contains("\n") || e.name().contains("`"), e.name());
      assertEquals(0, e.meaning().chars().filter(c -> c == '`').count() % 2, "balanced code spans: " + e.name());
      assertTrue(e.meaning().endsWith("."), "a sentence: " + e.name());
    }
  }

  private static List<Entry> concat() {
    List<Entry> all = new java.util.ArrayList<>(FilesAndEnvironment.FILES);
    all.addAll(FilesAndEnvironment.ENVIRONMENT);
    return all;
  }
}
