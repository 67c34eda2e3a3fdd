package idrill.drill;

import idrill.bank.Question;
import idrill.bank.Ref;
import idrill.render.MarkdownRenderer;
import idrill.render.Sanitizer;
import idrill.render.Style;
import idrill.render.Text;
import java.util.ArrayList;
import java.util.List;

/** A question laid out as terminal lines: the same look in show, random and the drill. */
public final class QuestionView {
  private static final String REF_INDENT = "  ";
  private final MarkdownRenderer markdown;
  private final Style style;
  private final int width;

  public QuestionView(int width, Style style) {
    this.markdown = new MarkdownRenderer(width, style);
    this.style = style;
    this.width = Math.max(20, width);
  }

  /** The question text, rendered. */
  public List<String> question(Question q) {
    return markdown.render(q.question());
  }

  /** The answer, rendered, followed by its references. */
  public List<String> answer(Question q) {
    List<String> lines = new ArrayList<>(markdown.render(q.answer()));
    if (!q.refs().isEmpty()) {
      lines.add("");
      lines.add(style.dim("References:"));
      for (Ref r : q.refs()) {
        String url = Sanitizer.oneLine(r.url()).strip();
        String indent = r.title() == null ? REF_INDENT : REF_INDENT + REF_INDENT;
        if (r.title() != null) indented(lines, REF_INDENT, Text.wrap(Sanitizer.oneLine(r.title()), width - REF_INDENT.length()));
        // The URL has a line of its own so terminals can open it; one wider than the screen folds.
        List<String> parts = Text.fold(url, width - indent.length());
        for (int k = 0; k < parts.size(); k++) {
          String part = parts.get(k);
          lines.add(indent + (k == 0 ? style.link(part) : style.dim(Text.MARK.strip()) + " " + style.link(Text.unmarked(part))));
        }
      }
    }
    return lines;
  }

  private static void indented(List<String> into, String indent, List<String> lines) {
    for (String line : lines) into.add(indent + line);
  }

  /** Dim lines naming the id, tags and difficulty: one line unless the screen is too narrow for it. */
  public List<String> meta(Question q) {
    StringBuilder sb = new StringBuilder(Sanitizer.oneLine(q.id())).append(" · ")
        .append(Sanitizer.oneLine(String.join(", ", q.tags())));
    if (q.difficulty() != null) sb.append(" · ").append(q.difficulty().label());
    List<String> lines = new ArrayList<>();
    for (String line : Text.wrap(sb.toString(), width)) lines.add(style.dim(line));
    return lines;
  }

  /** Question, meta lines, and (when asked) the answer under a heading. */
  public List<String> full(Question q, boolean withAnswer) {
    List<String> lines = new ArrayList<>(question(q));
    lines.addAll(meta(q));
    if (withAnswer) {
      lines.add("");
      lines.add(style.heading("Answer"));
      lines.addAll(answer(q));
    }
    return lines;
  }
}
