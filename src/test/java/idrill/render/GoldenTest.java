package idrill.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every src/test/resources/render/NAME.md at width 60 and compares with NAME.txt (plain)
 * and, when present, NAME.ansi.txt (colour, ESC written as the two characters \e so the file
 * stays reviewable). Where NAME.W.txt exists for W in WIDTHS, the plain rendering at W columns must
 * match it too. On a mismatch the actual output goes to target/render-actual/.
 */
class GoldenTest {
  static final int WIDTH = 60;
  static final int[] WIDTHS = {40, 80, 160};

  static Path dir() throws URISyntaxException {
    return Paths.get(GoldenTest.class.getResource("/render").toURI());
  }

  static Stream<String> names() throws Exception {
    try (Stream<Path> files = Files.list(dir())) {
      List<String> names = files.map(p -> p.getFileName().toString())
          .filter(f -> f.endsWith(".md")).map(f -> f.substring(0, f.length() - 3)).sorted().toList();
      return names.stream();
    }
  }

  static String source(String name) throws Exception {
    return Files.readString(dir().resolve(name + ".md"), StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @MethodSource("names")
  void plain(String name) throws Exception {
    compare(name, ".txt", new MarkdownRenderer(WIDTH, Style.PLAIN).render(source(name)));
  }

  @ParameterizedTest
  @MethodSource("names")
  void color(String name) throws Exception {
    assumeTrue(Files.exists(dir().resolve(name + ".ansi.txt")), "no colour golden for " + name);
    List<String> lines = new MarkdownRenderer(WIDTH, new Style(true)).render(source(name));
    compare(name, ".ansi.txt", lines.stream().map(l -> l.replace("\u001b", "\\e")).toList());
  }

  @ParameterizedTest
  @MethodSource("names")
  void atEachWidth(String name) throws Exception {
    int found = 0;
    for (int w : WIDTHS) {
      if (!Files.exists(dir().resolve(name + "." + w + ".txt"))) continue;
      found++;
      List<String> lines = new MarkdownRenderer(w, Style.PLAIN).render(source(name));
      for (String line : lines) assertTrue(Text.width(line) <= w, name + " at " + w + ": too wide: " + line);
      compare(name, "." + w + ".txt", lines);
    }
    assumeTrue(found > 0, "no width goldens for " + name);
  }

  private static void compare(String name, String suffix, List<String> lines) throws Exception {
    String actual = String.join("\n", lines) + "\n";
    Path golden = dir().resolve(name + suffix);
    String expected = Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : "";
    if (!expected.equals(actual)) save(name + suffix, actual);
    assertEquals(expected, actual, name + suffix + " differs; actual written to target/render-actual/");
  }

  private static void save(String file, String text) throws IOException {
    Path out = Paths.get("target", "render-actual", file);
    Files.createDirectories(out.getParent());
    Files.writeString(out, text, StandardCharsets.UTF_8);
  }
}
