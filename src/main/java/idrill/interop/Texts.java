package idrill.interop;

import idrill.bank.Difficulty;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/** Plain text, matching keys and difficulty markers of question Markdown. */
final class Texts {
  static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

  private static final String BABY = "\uD83D\uDC76"; // 👶
  private static final String STAR = "\u2B50"; // ⭐, often followed by VS16
  private static final String ROCKET = "\uD83D\uDE80"; // 🚀
  private static final char VS16 = '\uFE0F';

  private Texts() {}

  /** What a reader sees: Markdown syntax gone, code kept, line breaks as spaces. */
  static String plain(String markdown) {
    StringBuilder b = new StringBuilder();
    PARSER.parse(markdown).accept(new AbstractVisitor() {
      @Override public void visit(Text t) { b.append(t.getLiteral()); }
      @Override public void visit(Code c) { b.append(c.getLiteral()); }
      @Override public void visit(SoftLineBreak s) { b.append(' '); }
      @Override public void visit(HardLineBreak h) { b.append(' '); }
    });
    return b.toString().replaceAll("\\s+", " ").strip();
  }

  /** Question identity across imports: plain text, case, accents and punctuation ignored. */
  static String key(String markdown) {
    String folded = Normalizer.normalize(plain(markdown), Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); ) {
      int cp = folded.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) b.appendCodePoint(cp);
      else if (Character.getType(cp) != Character.NON_SPACING_MARK && b.length() > 0 && b.charAt(b.length() - 1) != ' ') b.append(' ');
    }
    return b.toString().strip();
  }

  /**
   * What makes two questions the same one: the whole question (text and code) with case, runs of
   * whitespace and closing punctuation ignored; "What is C++?" and "What is C#?" stay apart.
   */
  static String identity(String markdown) {
    String s = Normalizer.normalize(markdown, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    return s.replaceAll("[\\s?!.:;…\uFF1F]+$", "");
  }

  /**
   * $$…$$ inside a sentence (GitBook and MathJax write it so) as inline \\(…\\); $$ on lines of their own stays
   * display math. Code is left alone.
   */
  static String inlineMath(String markdown) {
    if (!markdown.contains("$$")) return markdown;
    Doc doc = new Doc(markdown);
    List<TexSpans.Span> spans = TexSpans.find(doc.text, Doc.codeRanges(doc));
    StringBuilder b = new StringBuilder(doc.text);
    for (int k = spans.size() - 1; k >= 0; k--) {
      TexSpans.Span m = spans.get(k);
      if (!m.display() || !doc.text.startsWith("$$", m.start())) continue;
      int lineStart = doc.text.lastIndexOf('\n', m.start() - 1) + 1;
      int lineEnd = doc.text.indexOf('\n', m.end());
      boolean before = !doc.text.substring(lineStart, m.start()).isBlank();
      boolean after = !doc.text.substring(m.end(), lineEnd < 0 ? doc.text.length() : lineEnd).isBlank();
      if ((before || after) && m.body().indexOf('\n') < 0) b.replace(m.start(), m.end(), "\\(" + m.body().strip() + "\\)");
    }
    return b.toString();
  }

  /** Markdown whose raw HTML has nothing live left (see {@link SafeHtml}); the rest as written. */
  static String safe(String markdown) {
    if (markdown.indexOf('<') < 0) return markdown;
    Doc doc = new Doc(markdown);
    List<int[]> live = new java.util.ArrayList<>();
    doc.root.accept(new AbstractVisitor() {
      @Override public void visit(org.commonmark.node.HtmlBlock h) { check(h, h.getLiteral()); }
      @Override public void visit(org.commonmark.node.HtmlInline h) { check(h, h.getLiteral()); }

      private void check(org.commonmark.node.Node n, String html) {
        if (SafeHtml.isLive(html)) live.add(new int[] {doc.start(n), doc.end(n)});
      }
    });
    if (live.isEmpty()) return markdown;
    StringBuilder b = new StringBuilder(doc.text);
    for (int k = live.size() - 1; k >= 0; k--) {
      int[] r = live.get(k);
      b.replace(r[0], r[1], SafeHtml.clean(doc.text.substring(r[0], r[1])));
    }
    return b.toString();
  }

  /** Text with its difficulty emoji removed, and the difficulty the first of them gives. */
  record Marked(String text, Difficulty difficulty) {}

  static Marked markers(String text) {
    Difficulty found = null;
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      Difficulty d = text.startsWith(BABY, i) ? Difficulty.EASY
          : text.startsWith(STAR, i) ? Difficulty.MEDIUM
          : text.startsWith(ROCKET, i) ? Difficulty.HARD : null;
      if (d == null) {
        b.append(text.charAt(i++));
        continue;
      }
      if (found == null) found = d;
      // a zero-width joiner some collections put before the emoji goes with it
      if (b.length() > 0 && b.charAt(b.length() - 1) == '\u200D') b.setLength(b.length() - 1);
      i += d == Difficulty.MEDIUM ? STAR.length() : BABY.length();
      if (i < text.length() && text.charAt(i) == VS16) i++;
      // one space of the two around a removed marker goes with it
      boolean spaceAfter = i == text.length() || text.charAt(i) == ' ';
      if (spaceAfter && b.length() > 0 && b.charAt(b.length() - 1) == ' ') b.setLength(b.length() - 1);
    }
    if (found == null) return new Marked(text, null);
    return new Marked(b.toString().strip(), found);
  }

  /** True when text holds nothing but whitespace and difficulty markers. */
  static boolean onlyMarkers(String text) {
    Marked m = markers(text);
    return m.text().isBlank();
  }

  /** The emoji the Markdown export writes for a difficulty. */
  static String marker(Difficulty d) {
    return switch (d) {
      case EASY -> BABY;
      case MEDIUM -> STAR;
      case HARD -> ROCKET;
    };
  }
}
