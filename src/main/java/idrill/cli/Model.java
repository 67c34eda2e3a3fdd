package idrill.cli;

import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A command's picocli model, declared in one place through picocli's programmatic API. Annotations would cost
 * every run a proxy class per annotation type (~40 ms that no class-data archive keeps), so there are none: each
 * command states its name, texts, mixins and options here, bound to its fields by setters.
 */
final class Model {
  /** A command: its model is built when it is about to be registered, bound to a fresh instance. */
  interface Declared {
    CommandSpec model();
  }

  /**
   * Marks the options of a shared group and the standard ones (the man page lists them once). A group is a list of
   * options, not picocli's mixin: each CommandSpec costs a cold run ~0.7 ms (it compiles four patterns).
   */
  private static final Object SHARED = new Object();

  private final CommandSpec spec; // null for a group of shared options
  private final List<OptionSpec> group = new java.util.ArrayList<>();
  private boolean standardHelp;
  private String summary; // a listed command's first line of description, from Cli.TABLE (which also hides it)

  private Model(CommandSpec spec) {
    this.spec = spec;
  }

  /** A command with picocli's standard --help and --version, as {@code mixinStandardHelpOptions} gives. */
  static Model command(String name, Object command) {
    Model m = new Model(CommandSpec.wrapWithoutInspection(command).name(name));
    m.standardHelp = true;
    Cli.Listed listed = Cli.find(name);
    if (listed != null) {
      m.summary = listed.summary();
      m.spec.usageMessage().description(m.summary).hidden(listed.hidden());
    }
    return m;
  }

  /** A command without the standard options ('help' has its own --help and no --version). */
  static Model bare(String name, Object command) {
    return new Model(CommandSpec.wrapWithoutInspection(command).name(name));
  }

  /** Options shared by several commands, added to each with {@link #mixin}. */
  static Model options() {
    return new Model(null);
  }

  /** Whether an option is one of a shared group's or a standard one (--help, --version). */
  static boolean shared(OptionSpec option) {
    return option.userObject() == SHARED;
  }

  /** The description; a listed command's starts with its summary from Cli.TABLE, and these lines follow it. */
  Model description(String... lines) {
    if (summary == null) {
      spec.usageMessage().description(lines);
    } else {
      String[] all = new String[lines.length + 1];
      all[0] = summary;
      System.arraycopy(lines, 0, all, 1, lines.length);
      spec.usageMessage().description(all);
    }
    return this;
  }

  Model footer(String... lines) {
    spec.usageMessage().footer(lines);
    return this;
  }

  /** Adds a group's options, where picocli's mixin of them would have put them. */
  Model mixin(Model options) {
    for (OptionSpec o : options.group) spec.addOption(o);
    return this;
  }

  Model subcommand(String name, Declared command) {
    spec.addSubcommand(name, command.model());
    return this;
  }

  /** The finished model; --help and --version come last, where picocli's annotations put them. */
  CommandSpec spec() {
    if (standardHelp && spec.findOption("--help") == null) {
      spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit.")
          .userObject(SHARED).build());
      spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
          .description("Print version information and exit.").userObject(SHARED).build());
    }
    return spec;
  }

  /** An option taking a value (a String unless {@link Arg#type} or {@link Arg#converter} says otherwise). */
  Arg<String> option(String... names) {
    return new Arg<>(this, OptionSpec.builder(names), null, String.class);
  }

  /** An option without a value. */
  Arg<Boolean> flag(String... names) {
    return new Arg<>(this, OptionSpec.builder(names), null, boolean.class);
  }

  /** A positional parameter, named in help by its label. */
  Arg<String> positional(String label) {
    return new Arg<>(this, null, PositionalParamSpec.builder().paramLabel(label), String.class);
  }

  /** One option or positional parameter; {@link #to} binds it to a field and adds it to the command. */
  static final class Arg<T> {
    private final Model model;
    // picocli's common builder is not public: one of these is set
    private final OptionSpec.Builder o;
    private final PositionalParamSpec.Builder p;

    private Arg(Model model, OptionSpec.Builder o, PositionalParamSpec.Builder p, Class<?> type) {
      this.model = model;
      this.o = o;
      this.p = p;
      // a fresh instance each run: fields keep their own initial values
      if (o != null) o.type(type).hasInitialValue(false);
      else p.type(type).hasInitialValue(false);
    }

    Arg<T> label(String label) {
      if (o != null) o.paramLabel(label);
      else p.paramLabel(label);
      return this;
    }

    Arg<T> help(String... description) {
      if (o != null) o.description(description);
      else p.description(description);
      return this;
    }

    Arg<T> arity(String arity) {
      if (o != null) o.arity(arity);
      else p.arity(arity);
      return this;
    }

    /** The option that asks for help: picocli shows it instead of running the command. */
    Arg<T> usageHelp() {
      o.usageHelp(true);
      return this;
    }

    Arg<T> defaultValue(String value) {
      if (o != null) o.defaultValue(value);
      else p.defaultValue(value);
      return this;
    }

    @SuppressWarnings("unchecked")
    <U> Arg<U> type(Class<U> type) {
      if (o != null) o.type(type);
      else p.type(type);
      return (Arg<U>) this;
    }

    @SuppressWarnings("unchecked")
    <U> Arg<U> converter(Class<U> type, ITypeConverter<U> converter) {
      if (o != null) o.type(type).converters(converter);
      else p.type(type).converters(converter);
      return (Arg<U>) this;
    }

    /** Repeatable: each occurrence (or each positional word) adds to a list. */
    Arg<List<String>> list() {
      return list(String.class);
    }

    @SuppressWarnings("unchecked")
    <U> Arg<List<U>> list(Class<U> element) {
      if (o != null) o.type(List.class).auxiliaryTypes(element);
      else p.type(List.class).auxiliaryTypes(element);
      return (Arg<List<U>>) (Arg<?>) this;
    }

    Arg<T> required() {
      o.required(true);
      return this;
    }

    /** Adds it, each value it takes handed to field. */
    Model to(To<T> field) {
      Binding<T> binding = new Binding<>(field);
      if (model.spec == null && o == null) throw new IllegalStateException("a shared group holds options only");
      if (o != null && model.spec == null) model.group.add(o.getter(binding).setter(binding).userObject(SHARED).build());
      else if (o != null) model.spec.addOption(o.getter(binding).setter(binding).build());
      else model.spec.addPositional(p.getter(binding).setter(binding)
          .required(p.arity() == null || p.arity().min > 0).build()); // as picocli's annotations derive it
      return model;
    }
  }

  /**
   * Sets an option's field: {@code new Model.To<Boolean>() { void set(Boolean v) { daily = v; } }}. An anonymous
   * class, not a lambda: each of a command's ~25 lambdas would cost a cold JDK 17 its bootstrap (~0.3 ms), which
   * CDS does not keep; JDK 25's AOT cache does, and loads these classes as cheaply.
   */
  abstract static class To<T> {
    abstract void set(T value);
  }

  /** Holds the last value set (picocli reads it back to add to a list) and hands each one to the field. */
  private static final class Binding<T> implements IGetter, ISetter {
    private final To<T> field;
    private T value;

    Binding(To<T> field) {
      this.field = field;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> V get() {
      return (V) value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> V set(V value) {
      V old = (V) this.value;
      this.value = (T) value;
      field.set(this.value);
      return old;
    }
  }
}
