package idrill.cli;


/** --color and --debug for the commands that read no bank (import, add, log merge, completion): every command takes them. */
public final class OutputOptions {
  CommonOptions.ColorMode color = CommonOptions.ColorMode.auto;
  boolean debug;

  Model model() {
    return Model.options()
        .option("--color").label("WHEN").defaultValue("auto")
            .help("auto|always|never (auto: only on a terminal and without NO_COLOR).")
            .type(CommonOptions.ColorMode.class)
            .to(new Model.To<CommonOptions.ColorMode>() { void set(CommonOptions.ColorMode v) { color = v; } })
        .flag("--debug").help("Show stack traces of errors.")
            .to(new Model.To<Boolean>() { void set(Boolean v) { debug = v; } });
  }
}
