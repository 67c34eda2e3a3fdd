package idrill.render;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/** Renders bank Markdown (with TeX math and simple Mermaid chains) as terminal lines. */
public final class MarkdownRenderer {
  private static final int MIN_WIDTH = 20;
  private static final int CODE_INDENT = 4;
  private static final int MIN_INNER = 8; // nesting deeper than this leaves no room: stop indenting
  private static final String BULLETS = "•◦▪";
  /** Prose lines longer than this are hard to read; code and tables may use the whole screen. */
  public static final int MEASURE = 100;
  // a table whose columns cannot each keep their longest word, counted up to this, shows as records
  private static final int MIN_CELL = 12;

  private final int width;
  private final int measure;
  private final Style style;

  /** Built on first render and shared (commonmark parsers are thread-safe): it is costly to load. */
  private static final class Holder {
    static final Parser PARSER =
        Parser.builder().extensions(List.of(TablesExtension.create())).build();
  }

  /** Prose wraps at MEASURE columns at most. Widths below 20 columns are raised to 20. */
  public MarkdownRenderer(int width, Style style) {
    this(width, MEASURE, style);
  }

  /** Prose wraps at measure columns at most (the whole width when measure >= width). */
  public MarkdownRenderer(int width, int measure, Style style) {
    this.width = Math.max(MIN_WIDTH, width);
    this.measure = Math.max(MIN_WIDTH, Math.min(this.width, measure));
    this.style = style == null ? Style.PLAIN : style;
  }

  /** Renders bank Markdown to terminal lines (no trailing newlines in elements). Sanitizes input first. */
  public List<String> render(String markdown) {
    return render(markdown, true);
  }

  /** As {@link #render(String)}; without the plain-text shortcut when shortcut is false (tests compare the two). */
  List<String> render(String markdown, boolean shortcut) {
    MathSpans math = MathSpans.extract(Sanitizer.clean(markdown));
    Run run = new Run(style, math, width - measure);
    List<String> lines = shortcut && plainParagraph(math.text) ? run.flow(math.text.stripTrailing(), width)
        : run.blocks(Holder.PARSER.parse(math.text), width, false);
    // last guard for the width promise, whatever a block did: fold, never cut
    List<String> out = new ArrayList<>(lines.size());
    for (String line : lines) {
      if (Text.width(line) > width) out.addAll(Text.fold(line, width));
      else out.add(line);
    }
    return out;
  }

  /** Characters that may be Markdown (or math) syntax anywhere in a line; control characters are refused too. */
  private static final String MARKUP = "\\`*_[]<>!&~|$";

  /**
   * Whether text is one line of prose that CommonMark would parse into one paragraph of one text node: it starts
   * with a letter (no list marker, heading, quote, code indent or thematic break) and holds no character that
   * could be markup. Such text (most questions, so the question of the day) is wrapped directly: commonmark-java
   * costs a cold JVM ~90 classes. MarkdownRendererTest checks that both ways render alike.
   */
  static boolean plainParagraph(String text) {
    if (text.isEmpty() || !Character.isLetter(text.charAt(0))) return false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '_' && i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i - 1))
          && Character.isLetterOrDigit(text.charAt(i + 1))) {
        continue; // group_size: an underscore inside a word never opens or closes emphasis
      }
      if (c < ' ' || c == 0x7f || MARKUP.indexOf(c) >= 0) return false;
    }
    return true;
  }

  /** One rendering: the style plus the math lifted out of this document. */
  private static final class Run {
    private final Style style;
    private final MathSpans math;
    private final int slack; // columns of the screen right of the prose measure

    Run(Style style, MathSpans math, int slack) {
      this.style = style;
      this.math = math;
      this.slack = slack;
    }

    /** Prose width for a block w columns wide: the measure keeps its right edge, nesting included. */
    private int prose(int w) {
      return Math.max(Math.min(w, MIN_WIDTH), w - slack);
    }

    // ---- blocks -------------------------------------------------------------------------------

    /** Child blocks of parent, a blank line between them unless tight. */
    List<String> blocks(Node parent, int w, boolean tight) {
      List<String> out = new ArrayList<>();
      for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
        List<String> b = block(n, w);
        if (b.isEmpty()) continue;
        if (!out.isEmpty() && !tight) out.add("");
        out.addAll(b);
      }
      return out;
    }

    private List<String> block(Node n, int w) {
      if (n instanceof Paragraph) return flow(inlines(n), w);
      if (n instanceof Heading) return Text.wrap(style.heading(flat(inlines(n))), prose(w));
      if (n instanceof ListBlock l) return list(l, w);
      if (n instanceof BlockQuote) return quote(n, w);
      if (n instanceof FencedCodeBlock f) return fenced(f, w);
      if (n instanceof IndentedCodeBlock c) return code(c.getLiteral(), w);
      if (n instanceof ThematicBreak) return List.of(style.dim("─".repeat(prose(w))));
      if (n instanceof HtmlBlock h) return html(h.getLiteral(), w);
      if (n instanceof TableBlock t) return new Table(this, t).render(w);
      if (n instanceof LinkReferenceDefinition) return List.of();
      return blocks(n, w, false);
    }

    /**
     * Wraps paragraph text at the prose width; display math placeholders become their own lines,
     * indented, and may use the whole width.
     */
    private List<String> flow(String s, int w) {
      List<String> out = new ArrayList<>();
      int from = 0;
      while (true) {
        int at = s.indexOf(MathSpans.DISPLAY, from);
        int end = at < 0 ? -1 : s.indexOf(MathSpans.END, at);
        String piece = s.substring(from, end < 0 ? s.length() : at);
        if (Text.width(piece.strip()) > 0) out.addAll(Text.wrap(piece, prose(w)));
        if (end < 0) return out;
        String formula = math.unicode(index(s, at + 1, end));
        int indent = w > 3 * CODE_INDENT ? CODE_INDENT : 0;
        for (String line : formula.split("\n")) {
          // a formula too long for the line continues with a hanging indent
          List<String> parts = Text.wrap(line, w - indent);
          if (parts.size() > 1) parts = Text.wrap(line, w - indent - 2);
          for (int k = 0; k < parts.size(); k++) {
            out.add(" ".repeat(k == 0 ? indent : indent + 2).concat(parts.get(k)));
          }
        }
        from = end + 1;
      }
    }

    private List<String> list(ListBlock list, int w) {
      int depth = 0;
      for (Node p = list.getParent(); p != null; p = p.getParent()) if (p instanceof ListBlock) depth++;
      int count = 0;
      for (Node item = list.getFirstChild(); item != null; item = item.getNext()) count++;
      String[] markers = new String[count];
      if (list instanceof OrderedList o) {
        int start = o.getMarkerStartNumber() == null ? 1 : o.getMarkerStartNumber();
        String delim = o.getMarkerDelimiter() == null ? "." : o.getMarkerDelimiter();
        int digits = String.valueOf(start + count - 1).length();
        for (int k = 0; k < count; k++) {
          String num = String.valueOf(start + k);
          markers[k] = Text.cat(" ".repeat(Math.max(0, digits - num.length())), num, delim, " ");
        }
      } else {
        int at = depth % BULLETS.length();
        java.util.Arrays.fill(markers, BULLETS.substring(at, at + 1).concat(" "));
      }
      int mw = markers.length == 0 ? 0 : Text.width(markers[0]);
      if (w - mw < MIN_INNER) return blocks(list, w, list.isTight()); // absurdly deep: flatten
      String hang = " ".repeat(mw);
      boolean tight = list.isTight();
      List<String> out = new ArrayList<>();
      int k = 0;
      for (Node item = list.getFirstChild(); item != null; item = item.getNext(), k++) {
        List<String> body = blocks(item, w - mw, tight);
        if (!out.isEmpty() && !tight) out.add("");
        if (body.isEmpty()) {
          out.add(markers[k].stripTrailing());
          continue;
        }
        for (int j = 0; j < body.size(); j++) {
          String line = body.get(j);
          if (j == 0) out.add(line.isEmpty() ? markers[k].stripTrailing() : markers[k].concat(line));
          else out.add(line.isEmpty() ? "" : hang.concat(line));
        }
      }
      return out;
    }

    private List<String> quote(Node n, int w) {
      if (w - 2 < MIN_INNER) return blocks(n, w, false); // absurdly deep: flatten
      String bar = style.dim("│");
      List<String> out = new ArrayList<>();
      for (String line : blocks(n, w - 2, false)) {
        out.add(line.isEmpty() ? bar : Text.cat(bar, " ", line));
      }
      return out;
    }

    private List<String> fenced(FencedCodeBlock f, int w) {
      String info = f.getInfo() == null ? "" : f.getInfo().trim();
      int sp = info.indexOf(' ');
      String lang = sp < 0 ? info : info.substring(0, sp);
      if (lang.equalsIgnoreCase("mermaid")) {
        String chain = Mermaid.chain(restore(f.getLiteral(), true));
        if (chain != null) {
          List<String> lines = Text.wrap(chain, w);
          for (int k = 0; k < lines.size(); k++) {
            lines.set(k, lines.get(k).replace(Mermaid.GLUE, ' '));
          }
          return lines;
        }
      }
      return code(f.getLiteral(), w);
    }

    /**
     * Code is indented and kept as written; a line wider than the screen folds (see Text.fold), each
     * continuation marked with a dim MARK under the indent, so no character is lost.
     */
    private List<String> code(String literal, int w) {
      String src = restore(literal, true);
      List<String> lines = new ArrayList<>(List.of(src.split("\n", -1)));
      while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) lines.remove(lines.size() - 1);
      int indent = w > 2 * CODE_INDENT ? CODE_INDENT : 0;
      String pad = " ".repeat(indent);
      List<String> out = new ArrayList<>(lines.size());
      String mark = style.dim(Text.MARK.strip()).concat(" ");
      String hang = indent >= Text.width(Text.MARK) ? " ".repeat(indent - Text.width(Text.MARK)) : null;
      for (String line : lines) {
        String t = expandTabs(line).stripTrailing();
        if (t.isEmpty()) {
          out.add("");
        } else if (Text.width(t) <= w - indent) {
          out.add(pad.concat(style.code(t)));
        } else {
          // fold the plain text, so each piece gets its own styling and the mark stays unstyled
          List<String> parts = Text.fold(t, w - indent);
          out.add(pad.concat(style.code(parts.get(0))));
          for (int k = 1; k < parts.size(); k++) {
            String rest = Text.unmarked(parts.get(k));
            out.add(hang == null ? Text.cat(mark, style.code(rest)) : Text.cat(hang, mark, style.code(rest)));
          }
        }
      }
      return out;
    }

    private static String expandTabs(String s) {
      if (s.indexOf('\t') < 0) return s;
      StringBuilder b = new StringBuilder();
      int col = 0;
      for (int k = 0; k < s.length(); k++) {
        char c = s.charAt(k);
        if (c == '\t') {
          int to = (col / CODE_INDENT + 1) * CODE_INDENT;
          while (col < to) {
            b.append(' ');
            col++;
          }
        } else {
          b.append(c);
          // columns only matter up to the next tab; surrogates and wide letters rarely precede one
          col += Character.isLowSurrogate(c) ? 0 : Text.cpWidth(c);
        }
      }
      return b.toString();
    }

    /** An HTML block shows as its text: tags stripped, <br> and block tags break lines. */
    private List<String> html(String literal, int w) {
      String text = flat(restore(literal, false));
      List<String> out = new ArrayList<>();
      for (String line : Html.text(text).split("\n")) {
        if (!line.isBlank()) out.addAll(Text.wrap(line, prose(w)));
      }
      return out;
    }

    // ---- inlines ------------------------------------------------------------------------------

    /** Styled inline content of a block; display math placeholders are kept for flow(). */
    String inlines(Node parent) {
      StringBuilder b = new StringBuilder();
      for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) inline(n, b);
      return b.toString();
    }

    private void inline(Node n, StringBuilder b) {
      if (n instanceof org.commonmark.node.Text t) {
        b.append(restore(t.getLiteral(), false).replace('\t', ' '));
      } else if (n instanceof Code c) {
        b.append(style.code(restore(c.getLiteral(), true).replace('\t', ' ')));
      } else if (n instanceof Emphasis) {
        b.append(style.italic(inlines(n)));
      } else if (n instanceof StrongEmphasis) {
        b.append(style.bold(inlines(n)));
      } else if (n instanceof SoftLineBreak) {
        b.append(' ');
      } else if (n instanceof HardLineBreak) {
        b.append('\n');
      } else if (n instanceof Link l) {
        link(l, b);
      } else if (n instanceof Image img) {
        String alt = flat(plain(img)).trim();
        b.append(alt.isEmpty() ? "[image]" : Text.cat("[image: ", alt, "]"));
        String dest = destination(img.getDestination());
        if (!dest.isEmpty()) b.append(" (").append(style.link(dest)).append(')');
      } else if (n instanceof HtmlInline h) {
        if (Html.isBreak(h.getLiteral())) b.append('\n');
      } else {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) inline(c, b);
      }
    }

    /** "text (url)", or just the url when the text is the url. */
    private void link(Link l, StringBuilder b) {
      String dest = destination(l.getDestination());
      String text = flat(plain(l)).trim();
      if (dest.isEmpty()) {
        b.append(inlines(l));
      } else if (text.isEmpty() || text.equals(dest)) {
        b.append(style.link(dest));
      } else if (dest.startsWith("mailto:") && dest.endsWith(text) && dest.length() == text.length() + 7) {
        b.append(style.link(text));
      } else {
        b.append(inlines(l)).append(" (").append(style.link(dest)).append(')');
      }
    }

    private String destination(String d) {
      return d == null ? "" : Sanitizer.oneLine(restore(d, true)).trim();
    }

    /** Unstyled text of an inline subtree, for comparisons and alt text. */
    private String plain(Node parent) {
      StringBuilder b = new StringBuilder();
      for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
        if (n instanceof org.commonmark.node.Text t) b.append(restore(t.getLiteral(), false));
        else if (n instanceof Code c) b.append(restore(c.getLiteral(), true));
        else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) b.append(' ');
        else b.append(plain(n));
      }
      return b.toString();
    }

    // ---- math placeholders --------------------------------------------------------------------

    /**
     * Sanitizes a literal from the parse tree (entities such as &#27; decode to controls there)
     * and puts math back: as written when raw (code), else as Unicode, keeping display
     * placeholders for flow().
     */
    String restore(String s, boolean raw) {
      if (s == null) return "";
      if (s.indexOf(MathSpans.END) < 0) return Sanitizer.clean(s);
      StringBuilder b = new StringBuilder(s.length());
      int from = 0;
      for (int k = 0; k < s.length(); k++) {
        char c = s.charAt(k);
        if (c != MathSpans.INLINE && c != MathSpans.DISPLAY) continue;
        int end = s.indexOf(MathSpans.END, k);
        if (end < 0) break;
        b.append(Sanitizer.clean(s.substring(from, k)));
        int idx = index(s, k + 1, end);
        if (raw) b.append(math.raw(idx));
        else if (c == MathSpans.DISPLAY) b.append(s, k, end + 1);
        else b.append(math.unicode(idx).replace('\n', ' ').replace(' ', Text.GLUE)); // moves whole
        k = end;
        from = end + 1;
      }
      return b.append(Sanitizer.clean(s.substring(from))).toString();
    }

    /** Replaces kept display placeholders by their formula on one line (headings, cells). */
    String flat(String s) {
      if (s.indexOf(MathSpans.DISPLAY) < 0) return s;
      StringBuilder b = new StringBuilder(s.length());
      int from = 0;
      for (int at; (at = s.indexOf(MathSpans.DISPLAY, from)) >= 0; ) {
        int end = s.indexOf(MathSpans.END, at);
        if (end < 0) break;
        b.append(s, from, at).append(math.unicode(index(s, at + 1, end)).replace('\n', ' '));
        from = end + 1;
      }
      return b.append(s, from, s.length()).toString();
    }

    private static int index(String s, int from, int to) {
      int v = 0;
      for (int k = from; k < to; k++) {
        char c = s.charAt(k);
        if (c < '0' || c > '9' || v > 1_000_000) return -1;
        v = v * 10 + (c - '0');
      }
      return to > from ? v : -1;
    }

    Style style() {
      return style;
    }
  }

  /** A GFM table as aligned columns: header, a rule, rows; the widest column shrinks to fit. */
  private static final class Table {
    private static final String GAP = "  ";
    private final Run run;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<TableCell.Alignment> aligns = new ArrayList<>();
    private int headerRows;

    Table(Run run, TableBlock t) {
      this.run = run;
      for (Node section = t.getFirstChild(); section != null; section = section.getNext()) {
        for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
          List<String> cells = new ArrayList<>();
          boolean header = false;
          int c = 0;
          for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext(), c++) {
            String s = run.flat(run.inlines(cell)).strip(); // trim() would eat a style's ESC
            if (cell instanceof TableCell tc) {
              header |= tc.isHeader();
              if (aligns.size() <= c) aligns.add(tc.getAlignment());
              if (tc.isHeader()) s = run.style().bold(s);
            }
            cells.add(s);
          }
          if (header) headerRows++;
          rows.add(cells);
        }
      }
    }

    List<String> render(int w) {
      int cols = 0;
      for (List<String> r : rows) cols = Math.max(cols, r.size());
      if (cols == 0) return List.of();
      int[] widths = new int[cols];
      int[] least = new int[cols]; // a column narrower than its longest word (up to MIN_CELL) breaks words
      for (List<String> r : rows) {
        for (int c = 0; c < r.size(); c++) {
          for (String part : r.get(c).split("\n")) widths[c] = Math.max(widths[c], Text.width(part));
          for (String word : r.get(c).split("[ \n]")) least[c] = Math.max(least[c], Math.min(MIN_CELL, Text.width(word)));
        }
      }
      int total = GAP.length() * (cols - 1);
      for (int x : widths) total += x;
      while (total > w) {
        int widest = -1;
        for (int c = 0; c < cols; c++) {
          if (widths[c] > least[c] && (widest < 0 || widths[c] > widths[widest])) widest = c;
        }
        if (widest < 0) return records(w); // too many columns to read side by side
        widths[widest]--;
        total--;
      }
      List<List<List<String>>> wrapped = new ArrayList<>();
      int[] used = new int[cols];
      for (List<String> row : rows) {
        List<List<String>> cells = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
          List<String> lines = c < row.size() ? Text.wrap(row.get(c), widths[c]) : List.of();
          for (String line : lines) used[c] = Math.max(used[c], Text.width(line));
          cells.add(lines);
        }
        wrapped.add(cells);
      }
      // wrapping may leave a shrunk column narrower than its limit: size columns to what they hold
      total = GAP.length() * (cols - 1);
      for (int c = 0; c < cols; c++) total += widths[c] = Math.min(widths[c], used[c]);
      List<String> out = new ArrayList<>();
      for (int r = 0; r < rows.size(); r++) {
        List<List<String>> cells = wrapped.get(r);
        int height = 1;
        for (List<String> lines : cells) height = Math.max(height, lines.size());
        for (int k = 0; k < height; k++) {
          StringBuilder b = new StringBuilder();
          for (int c = 0; c < cols; c++) {
            String s = k < cells.get(c).size() ? cells.get(c).get(k) : "";
            if (c > 0) b.append(GAP);
            b.append(pad(s, widths[c], c < aligns.size() ? aligns.get(c) : null));
          }
          out.add(stripSpaces(b));
        }
        if (r == headerRows - 1) out.add(run.style().dim("─".repeat(Math.min(total, w))));
      }
      return out;
    }

    /** Each body row as "header: cell" lines, a blank line between rows: for tables too wide to align. */
    private List<String> records(int w) {
      List<String> header = headerRows > 0 ? rows.get(headerRows - 1) : List.of();
      List<String> out = new ArrayList<>();
      int first = headerRows < rows.size() ? headerRows : 0; // a header alone still shows
      for (int r = first; r < rows.size(); r++) {
        if (!out.isEmpty()) out.add("");
        List<String> row = rows.get(r);
        for (int c = 0; c < row.size(); c++) {
          String label = r >= headerRows && c < header.size() && Text.width(header.get(c)) > 0 ? header.get(c).concat(": ") : "";
          List<String> lines = Text.wrap(label.concat(row.get(c)), w - 2);
          for (int k = 0; k < lines.size(); k++) out.add(k == 0 ? lines.get(k) : "  ".concat(lines.get(k)));
        }
      }
      return out;
    }

    private static String pad(String s, int w, TableCell.Alignment align) {
      int room = Math.max(0, w - Text.width(s));
      if (align == TableCell.Alignment.RIGHT) return " ".repeat(room).concat(s);
      if (align == TableCell.Alignment.CENTER) {
        return Text.cat(" ".repeat(room / 2), s, " ".repeat(room - room / 2));
      }
      return s.concat(" ".repeat(room));
    }

    private static String stripSpaces(StringBuilder b) {
      int end = b.length();
      while (end > 0 && b.charAt(end - 1) == ' ') end--;
      return b.substring(0, end);
    }
  }
}
