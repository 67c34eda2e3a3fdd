package idrill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import idrill.render.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * show, random --answer and list on src/test/resources/cli/wide.yaml, a bank wider than any screen,
 * piped and on a 40/80/160-column terminal (NO_COLOR, so the files stay plain), compared with
 * src/test/resources/cli/NAME.out. On a mismatch the actual output goes to target/cli-actual/.
 */
class OutputGoldenTest {
  /** One run: its golden's name, stdout a terminal or not, COLUMNS (null: unset), the arguments. */
  record Case(String name, boolean terminal, String columns, List<String> args) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final String ID = "fetch-with-a-bearer-token-and-a-query-string-built-by-hand";

  static Stream<Case> cases() {
    return Stream.of(
        new Case("show-piped", false, null, List.of("show", ID)),
        new Case("show-piped-columns-40", false, "40", List.of("show", ID)),
        new Case("show-40", true, "40", List.of("show", ID)),
        new Case("show-80", true, "80", List.of("show", ID)),
        new Case("show-160", true, "160", List.of("show", ID)),
        new Case("show-cjk-40", true, "40", List.of("show", "cjk")),
        new Case("random-answer-40", true, "40", List.of("random", "--answer", "-t", "javascript")),
        new Case("list-piped", false, null, List.of("list")),
        new Case("list-piped-columns-40", false, "40", List.of("list")),
        new Case("list-40", true, "40", List.of("list")),
        new Case("list-80", true, "80", List.of("list")),
        new Case("list-160", true, "160", List.of("list")));
  }

  @TempDir Path home;

  @ParameterizedTest
  @MethodSource("cases")
  void matchesGolden(Case c) throws Exception {
    Path bank = home.resolve("wide.yaml");
    Files.copy(dir().resolve("wide.yaml"), bank);
    CliHarness cli = new CliHarness(home);
    cli.terminal = c.terminal();
    cli.env.put("NO_COLOR", "1");
    if (c.columns() != null) cli.env.put("COLUMNS", c.columns());
    List<String> args = new java.util.ArrayList<>(c.args());
    args.add("--bank");
    args.add(bank.toString());
    var r = cli.run(args.toArray(String[]::new));
    assertEquals(0, r.code(), r.toString());
    if (!c.name().startsWith("list-piped")) {
      int width = c.columns() == null ? 80 : Integer.parseInt(c.columns());
      for (String line : r.out().lines().toList()) {
        // only an id longer than the screen may pass its edge: ids are never cut
        assertTrue(Text.width(line) <= width || line.equals(ID), "too wide: " + line);
      }
    }
    compare(c.name() + ".out", r.out());
  }

  static Path dir() throws Exception {
    return Paths.get(OutputGoldenTest.class.getResource("/cli").toURI());
  }

  private static void compare(String file, String actual) throws Exception {
    Path golden = dir().resolve(file);
    String expected = Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : "";
    if (!expected.equals(actual)) save(file, actual);
    assertEquals(expected, actual, file + " differs; actual written to target/cli-actual/");
  }

  private static void save(String file, String text) throws IOException {
    Path out = Paths.get("target", "cli-actual", file);
    Files.createDirectories(out.getParent());
    Files.writeString(out, text, StandardCharsets.UTF_8);
  }
}
