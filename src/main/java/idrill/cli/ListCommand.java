package idrill.cli;

import idrill.bank.Question;
import idrill.render.Sanitizer;
import idrill.render.Style;
import idrill.render.Text;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List the questions, one per line.")
final class ListCommand implements Callable<Integer> {
  @ParentCommand IdrillCommand root;
  @Mixin CommonOptions common;
  @Mixin FilterOptions filters;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text|json|markdown")
  Format format;

  @Override
  public Integer call() {
    Workspace ws = new Workspace(root.ctx, common);
    List<Question> selected = ws.select(filters.filter());
    switch (format) {
      case json:
        root.ctx.out().println(Json.write(w -> {
          w.beginArray();
          for (Question q : selected) Json.question(w, q);
          w.endArray();
        }));
        break;
      case markdown:
        for (Question q : selected) {
          root.ctx.out().println("- **" + Sanitizer.oneLine(q.id()) + "** (" + Sanitizer.oneLine(String.join(", ", q.tags()))
              + "): " + Sanitizer.oneLine(q.question()));
        }
        break;
      default:
        printRows(ws, selected);
    }
    root.ctx.out().flush();
    return ExitCode.OK;
  }

  private void printRows(Workspace ws, List<Question> selected) {
    Style style = ws.style();
    int width = ws.width();
    int idWidth = 0;
    int tagWidth = 0;
    for (Question q : selected) {
      idWidth = Math.max(idWidth, Text.width(Sanitizer.oneLine(q.id())));
      tagWidth = Math.max(tagWidth, Text.width(Sanitizer.oneLine(String.join(",", q.tags()))));
    }
    idWidth = Math.min(idWidth, 32);
    tagWidth = Math.min(tagWidth, 32);
    for (Question q : selected) {
      String id = pad(Text.cut(Sanitizer.oneLine(q.id()), idWidth), idWidth);
      String tags = pad(Text.cut(Sanitizer.oneLine(String.join(",", q.tags())), tagWidth), tagWidth);
      String row = style.bold(id) + "  " + style.dim(tags) + "  " + Printing.oneLine(q.question());
      root.ctx.out().println(Text.cut(row, width));
    }
  }

  static String pad(String s, int width) {
    int w = Text.width(s);
    return w >= width ? s : s + " ".repeat(width - w);
  }
}
