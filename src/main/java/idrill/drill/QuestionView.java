package idrill.drill;

import idrill.bank.Question;
import idrill.bank.Ref;
import idrill.render.MarkdownRenderer;
import idrill.render.Sanitizer;
import idrill.render.Style;
import java.util.ArrayList;
import java.util.List;

/** A question laid out as terminal lines: the same look in show, random and the drill. */
public final class QuestionView {
  private final MarkdownRenderer markdown;
  private final Style style;

  public QuestionView(int width, Style style) {
    this.markdown = new MarkdownRenderer(width, style);
    this.style = style;
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
        String url = Sanitizer.oneLine(r.url());
        // The URL stays whole on a line of its own so terminals can open it.
        if (r.title() != null) lines.add("  " + Sanitizer.oneLine(r.title()));
        lines.add((r.title() == null ? "  " : "    ") + style.link(url));
      }
    }
    return lines;
  }

  /** One dim line naming the id, tags and difficulty. */
  public String meta(Question q) {
    StringBuilder sb = new StringBuilder(Sanitizer.oneLine(q.id())).append(" · ")
        .append(Sanitizer.oneLine(String.join(", ", q.tags())));
    if (q.difficulty() != null) sb.append(" · ").append(q.difficulty().label());
    return style.dim(sb.toString());
  }

  /** Question, meta line, and (when asked) the answer under a heading. */
  public List<String> full(Question q, boolean withAnswer) {
    List<String> lines = new ArrayList<>(question(q));
    lines.add(meta(q));
    if (withAnswer) {
      lines.add("");
      lines.add(style.heading("Answer"));
      lines.addAll(answer(q));
    }
    return lines;
  }
}
