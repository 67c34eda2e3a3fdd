package idrill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The top-level help the jar ships is picocli's rendering of today's model, and is printed exactly when asked for. */
class RenderedHelpTest {
  @TempDir Path home;

  private static String shipped(String resource) throws IOException {
    try (InputStream in = RenderedHelp.class.getResourceAsStream(resource)) {
      assertNotNull(in, resource + " is rendered by the build's process-classes phase (mvn test runs it)");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theShippedRenderingsArePicoclisRenderingOfTheModelPlainAndInColour() throws IOException {
    String plain = RenderedHelp.render(false);
    String color = RenderedHelp.render(true);
    assertEquals(plain, shipped(RenderedHelp.PLAIN));
    assertEquals(color, shipped(RenderedHelp.COLOR));
    assertTrue(plain.startsWith("Usage: idrill [-hV] [COMMAND]") && plain.contains("Exit codes:"), plain);
    assertFalse(plain.contains("\u001b"), plain);
    assertTrue(color.contains("\u001b["), color);
    assertEquals(plain, color.replaceAll("\u001b\\[[0-9;]*m", ""), "the same text, styled");
  }

  @Test
  void everyWayOfAskingForTheTopLevelHelpPrintsItAndExits0() {
    for (List<String> args : List.<List<String>>of(List.of(), List.of("--help"), List.of("-h"), List.of("help"))) {
      CliHarness cli = new CliHarness(home);
      CliHarness.Result r = cli.run(args.toArray(String[]::new));
      assertEquals(0, r.code(), args + ": " + r);
      assertEquals(RenderedHelp.render(false), r.out(), args.toString());
      assertEquals("", r.err(), args.toString());
    }
  }

  @Test
  void colourFollowsTheTerminalAndNoColorAsEveryOtherCommandsDoes() {
    CliHarness tty = new CliHarness(home);
    tty.terminal = true;
    tty.env.put("TERM", "xterm-256color");
    assertEquals(RenderedHelp.render(true), tty.run("--help").out());
    tty.env.put("NO_COLOR", "1");
    assertEquals(RenderedHelp.render(false), tty.run("--help").out());
    tty.env.remove("NO_COLOR");
    tty.env.put("TERM", "dumb");
    assertEquals(RenderedHelp.render(false), tty.run("help").out());
  }

  @Test
  void anythingMoreIsRenderedByPicocliAsItComes() {
    for (List<String> args : List.of(List.of("help", "drill"), List.of("--help", "drill"), List.of("-hV"),
        List.of("--color", "never", "--help"), List.of("--version"), List.of("help", "--help"))) {
      StringWriter out = new StringWriter();
      Context ctx = new Context(Map.of(), InputStream.nullInputStream(), new PrintWriter(out),
          new PrintWriter(new StringWriter()), false, home, Clock.systemUTC());
      assertFalse(RenderedHelp.serve(ctx, args.toArray(String[]::new)), args.toString());
      assertEquals("", out.toString(), args.toString());
    }
    CliHarness cli = new CliHarness(home);
    CliHarness.Result r = cli.run("help", "drill");
    assertTrue(r.out().startsWith("Usage: idrill drill"), r.toString());
  }

  @Test
  void withoutTheRenderingPicocliPrintsTheSameHelp() {
    Map<String, String> env = new HashMap<>();
    StringWriter out = new StringWriter();
    Context ctx = new Context(env, InputStream.nullInputStream(), new PrintWriter(out),
        new PrintWriter(new StringWriter()), false, home, Clock.systemUTC());
    assertEquals(0, Cli.live(ctx, "-h"));
    ctx.out().flush();
    assertEquals(RenderedHelp.render(false), out.toString());
  }
}
