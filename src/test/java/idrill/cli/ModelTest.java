package idrill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command models: declared through picocli's programmatic API, bound to the commands' fields. */
class ModelTest {
  private static final PrintWriter SINK = new PrintWriter(new StringWriter());

  private static CommandLine all() {
    return Cli.build(new Context(Map.of(), InputStream.nullInputStream(), SINK, SINK, false, Path.of("."),
        Clock.systemUTC()), null);
  }

  /** Reading a picocli annotation makes a proxy class per annotation type at every start (~40 ms on JDK 17). */
  @Test
  void noCommandCarriesAPicocliAnnotation() {
    List<String> annotated = new ArrayList<>();
    List<Class<?>> classes = new ArrayList<>();
    CommandLine root = all();
    classes.add(root.getCommand().getClass());
    for (CommandLine sub : root.getSubcommands().values()) {
      classes.add(sub.getCommand().getClass());
      for (CommandLine subsub : sub.getSubcommands().values()) classes.add(subsub.getCommand().getClass());
    }
    classes.addAll(List.of(CommonOptions.class, FilterOptions.class, DataOptions.class, OutputOptions.class));
    for (Class<?> c : classes) {
      if (c == CommandLine.HelpCommand.class) continue;
      for (Annotation a : c.getDeclaredAnnotations()) {
        if (a.annotationType().getName().startsWith("picocli.")) annotated.add(c.getSimpleName() + ": " + a);
      }
      for (Field f : c.getDeclaredFields()) {
        for (Annotation a : f.getDeclaredAnnotations()) {
          if (a.annotationType().getName().startsWith("picocli.")) annotated.add(c.getSimpleName() + "." + f.getName());
        }
      }
    }
    assertTrue(classes.size() > 20, "every command was looked at: " + classes);
    assertEquals(List.of(), annotated);
    assertFalse(root.getSubcommands().get("help").getCommand() instanceof CommandLine.HelpCommand,
        "idrill help is our own, annotation-free help command");
  }

  @Test
  void optionsBindToTheCommandsFieldsWithDefaultsAndRepeats() {
    CommandLine root = Cli.build(new Context(Map.of(), InputStream.nullInputStream(), SINK, SINK, false, Path.of("."),
        Clock.systemUTC()), "random");
    CommandLine.ParseResult r = root.parseArgs("random", "-t", "a", "--tag", "b", "--daily", "--date", "2026-12-10");
    RandomCommand random = (RandomCommand) r.subcommand().commandSpec().userObject();
    assertEquals(List.of("a", "b"), random.filters.tags);
    assertTrue(random.daily);
    assertEquals(java.time.LocalDate.of(2026, 12, 10), random.date);
    assertEquals(Format.text, random.format, "the declared default");
    assertEquals(CommonOptions.ColorMode.auto, random.common.color);
    assertNull(random.seed);
    assertEquals(List.of(), random.common.banks, "an option never given keeps the field's own value");
  }

  @Test
  void aPositionalWithoutArityIsRequiredAndOneWithAnOptionalArityIsNot() {
    CommandLine root = all();
    assertTrue(root.getSubcommands().get("show").getCommandSpec().positionalParameters().get(0).required());
    assertFalse(root.getSubcommands().get("validate").getCommandSpec().positionalParameters().get(0).required());
    assertTrue(root.getSubcommands().get("suspend").getCommandSpec().positionalParameters().get(0).required());
  }

  /** 'idrill --help' lists the commands from Cli.TABLE without their models; it reads as the full models' help. */
  @Test
  void theListedHelpEqualsTheHelpOfTheFullModels() {
    StringWriter out = new StringWriter();
    PrintWriter w = new PrintWriter(out);
    Context ctx = new Context(Map.of(), InputStream.nullInputStream(), w, w, false, Path.of("."),
        Clock.systemUTC());
    assertEquals(0, Cli.run(ctx, "--help"));
    w.flush();
    CommandLine full = all();
    assertEquals(full.getUsageMessage(CommandLine.Help.Ansi.OFF), out.toString());
    for (Cli.Listed l : Cli.TABLE) {
      CommandLine c = full.getSubcommands().get(l.name());
      assertEquals(l.summary(), c.getCommandSpec().usageMessage().description()[0], l.name());
      assertEquals(l.hidden(), c.getCommandSpec().usageMessage().hidden(), l.name());
    }
  }
}
