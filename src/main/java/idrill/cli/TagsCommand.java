package idrill.cli;

import idrill.bank.Bank;
import idrill.bank.Question;
import idrill.render.Sanitizer;
import idrill.render.Style;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

final class TagsCommand implements Callable<Integer>, Model.Declared {
  private final IdrillCommand root;
  final CommonOptions common = new CommonOptions();
  final FilterOptions filters = new FilterOptions();
  Format format;

  TagsCommand(IdrillCommand root) {
    this.root = root;
  }

  @Override
  public CommandSpec model() {
    return Model.command("tags", this)
      .mixin(common.model())
      .mixin(filters.model())
      .option("--format").label("FORMAT").defaultValue("text").type(Format.class)
          .help("text|json|markdown").to(new Model.To<Format>() { void set(Format v) { format = v; } })
      .spec();
  }

  @Override
  public Integer call() {
    Workspace ws = new Workspace(root.ctx, common);
    List<Question> selected = ws.select(filters.filter());
    Map<String, Integer> counts = new Bank(selected).tagCounts();
    PrintWriter out = root.ctx.out();
    switch (format) {
      case json:
        out.println(Json.write(w -> {
          w.beginArray();
          for (Map.Entry<String, Integer> e : counts.entrySet()) {
            w.beginObject().name("tag").value(e.getKey()).name("questions").value(e.getValue()).endObject();
          }
          w.endArray();
        }));
        break;
      case markdown:
        out.println("| tag | questions |");
        out.println("|---|---:|");
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
          out.println("| " + Sanitizer.oneLine(e.getKey()) + " | " + e.getValue() + " |");
        }
        break;
      default:
        Style style = ws.style();
        // loops, not streams and lambdas: each bootstrap costs a cold JDK 17 ~0.3 ms
        int most = 0;
        for (int n : counts.values()) most = Math.max(most, n);
        int digits = String.valueOf(most).length();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
          String n = String.valueOf(e.getValue());
          out.println(" ".repeat(digits - n.length()) + style.bold(n) + "  " + Sanitizer.oneLine(e.getKey()));
        }
    }
    out.flush();
    return ExitCode.OK;
  }
}
