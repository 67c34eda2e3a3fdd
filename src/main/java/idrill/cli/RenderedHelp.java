package idrill.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * 'idrill --help' as picocli renders it from the model, rendered at build time (plain and coloured) and shipped in
 * the jar, like the man page: at run time picocli's word wrap loads java.text.BreakIterator and the JDK's locale
 * providers, and the root help registers a CommandLine per command, ~30 ms of a cold JDK 17 start. Only the top
 * level is kept (its width is fixed at 80 and it names no path); every other help is rendered when asked for.
 * {@code RenderedHelp DIR} writes both into DIR/idrill (the build's process-classes phase).
 */
public final class RenderedHelp {
  static final String PLAIN = "/idrill/help.txt";
  static final String COLOR = "/idrill/help-color.txt";

  /** The arguments that print the top-level help and nothing else, as picocli does for each of them. */
  private static final List<List<String>> ASKS = List.of(List.of(), List.of("--help"), List.of("-h"), List.of("help"));

  private RenderedHelp() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) throw new IllegalArgumentException("usage: RenderedHelp CLASSES-DIR");
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir.resolve("idrill"));
    Files.writeString(dir.resolve(PLAIN.substring(1)), render(false), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(COLOR.substring(1)), render(true), StandardCharsets.UTF_8);
  }

  /** The top-level help from the model, through the same path as any other run (a terminal for colour). */
  static String render(boolean color) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Context ctx = new Context(Map.of("TERM", "xterm"), InputStream.nullInputStream(), new PrintWriter(out),
        new PrintWriter(err), color, Path.of(""), Clock.systemUTC());
    int code = Cli.live(ctx, "--help");
    ctx.out().flush();
    ctx.err().flush();
    if (code != 0 || !err.toString().isEmpty()) {
      throw new IllegalStateException("idrill --help exited " + code + ": " + err);
    }
    return out.toString();
  }

  /**
   * Prints the shipped help when args ask for the top-level help only, in colour when 'auto' gives colour; false
   * when they ask for anything else or the jar has no rendering (tests and IDEs before the build renders it).
   */
  static boolean serve(Context ctx, String[] args) {
    if (!ASKS.contains(List.of(args))) return false;
    boolean color = Workspace.colorOn(CommonOptions.ColorMode.auto, ctx);
    String text;
    try (InputStream in = RenderedHelp.class.getResourceAsStream(color ? COLOR : PLAIN)) {
      if (in == null) return false;
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return false; // rendered as ever
    }
    ctx.out().print(text);
    return true;
  }
}
