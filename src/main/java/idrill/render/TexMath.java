package idrill.render;

import java.util.ArrayList;
import java.util.List;

/** Turns the TeX math found in banks into readable Unicode for a terminal. */
public final class TexMath {
  private TexMath() {}

  // atom classes, after TeX's: they decide the spacing between neighbours
  private static final int ORD = 0, OP = 1, WORD = 2, BIN = 3, REL = 4, OPEN = 5, CLOSE = 6,
      PUNCT = 7, SPACE = 8, NEWLINE = 9;

  private static final int MAX_DEPTH = 40; // hostile nesting must not overflow the stack

  private static final String SUP_FROM =
      "0123456789+−=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVWαβγδεϵθιφϕχ*′⊤";
  private static final String SUP_TO =
      "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵅᵝᵞᵟᵋᵋᶿᶥᵠᵠᵡ*′ᵀ";
  private static final String SUB_FROM = "0123456789+−=()aehijklmnoprstuvxəβγρφϕχ";
  private static final String SUB_TO = "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓₔᵦᵧᵨᵩᵩᵪ";

  /** Converts TeX math (without its delimiters) to Unicode text; never throws. */
  public static String toUnicode(String tex) {
    if (tex == null || tex.isEmpty()) return "";
    return tidy(join(new Parser(tex, 0).seq(false), false));
  }

  /** One rendered piece of the formula; scripts append to it (a builder: x^a^a^… stays linear). */
  private static final class Atom {
    final StringBuilder text;
    final int kind;

    Atom(int kind, String text) {
      this.kind = kind;
      this.text = new StringBuilder(text);
    }
  }

  private static final class Parser {
    private final String s;
    private final int n;
    private int i;
    private int depth;

    Parser(String s, int depth) {
      this.s = s;
      this.n = s.length();
      this.depth = depth;
    }

    /** Atoms up to the end, or up to and including the closing brace when inGroup. */
    List<Atom> seq(boolean inGroup) {
      List<Atom> out = new ArrayList<>();
      while (i < n) {
        if (s.charAt(i) == '}') {
          i++;
          if (inGroup) return out;
          continue; // stray closing brace
        }
        one(out);
      }
      return out;
    }

    /** Parses one token (a group, a command with its arguments, a script or a character). */
    private void one(List<Atom> out) {
      char c = s.charAt(i);
      switch (c) {
        case '{' -> {
          i++;
          if (depth >= MAX_DEPTH) return; // too deep: flatten instead of recursing
          depth++;
          out.addAll(seq(true));
          depth--;
        }
        case '\\' -> command(out);
        case '^', '_' -> {
          i++;
          script(out, c == '^');
        }
        case ' ', '\t', '\n', '\r', '~', '&' -> {
          i++;
          out.add(new Atom(SPACE, " "));
        }
        case ':' -> {
          if (i + 1 < n && s.charAt(i + 1) == '=') {
            i += 2;
            out.add(new Atom(REL, ":="));
          } else {
            i++;
            out.add(new Atom(PUNCT, ":"));
          }
        }
        case '-' -> op(out, BIN, "−");
        case '+', '*' -> op(out, BIN, String.valueOf(c));
        case '=', '<', '>' -> op(out, REL, String.valueOf(c));
        case '(', '[' -> op(out, OPEN, String.valueOf(c));
        case ')', ']' -> op(out, CLOSE, String.valueOf(c));
        case ',', ';' -> op(out, PUNCT, String.valueOf(c));
        case '\'' -> op(out, ORD, "′");
        default -> {
          int cp = s.codePointAt(i);
          i += Character.charCount(cp);
          out.add(new Atom(ORD, new String(Character.toChars(cp))));
        }
      }
    }

    private void op(List<Atom> out, int kind, String text) {
      i++;
      out.add(new Atom(kind, text));
    }

    /** One argument: a braced group or a single token. */
    private List<Atom> arg() {
      skipSpaces();
      List<Atom> a = new ArrayList<>();
      if (i >= n || s.charAt(i) == '}' || depth >= MAX_DEPTH) return a; // x^^^^… must not recurse deep
      depth++;
      one(a);
      depth--;
      return a;
    }

    private String argText(boolean tight) {
      return join(arg(), tight);
    }

    /** Raw text of a braced argument, for \text and friends: TeX specials stay literal. */
    private String rawArg() {
      skipSpaces();
      if (i >= n) return "";
      if (s.charAt(i) != '{') {
        int cp = s.codePointAt(i);
        i += Character.charCount(cp);
        return new String(Character.toChars(cp));
      }
      int level = 0;
      StringBuilder b = new StringBuilder();
      for (i++; i < n; i++) {
        char c = s.charAt(i);
        if (c == '\\' && i + 1 < n && "{}_%$#&\\ ".indexOf(s.charAt(i + 1)) >= 0) {
          char d = s.charAt(++i);
          b.append(d == '\\' ? ' ' : d);
        } else if (c == '{') {
          level++;
        } else if (c == '}') {
          if (level-- == 0) {
            i++;
            break;
          }
        } else {
          b.append(c);
        }
      }
      return b.toString();
    }

    private void skipSpaces() {
      while (i < n && Character.isWhitespace(s.charAt(i))) i++;
    }

    private void script(List<Atom> out, boolean sup) {
      while (!out.isEmpty() && out.get(out.size() - 1).kind == SPACE) out.remove(out.size() - 1);
      Atom base;
      if (out.isEmpty() || out.get(out.size() - 1).kind == NEWLINE) {
        base = new Atom(ORD, "");
        out.add(base);
      } else {
        base = out.get(out.size() - 1);
      }
      base.text.append(toScript(argText(true), sup));
    }

    private void command(List<Atom> out) {
      i++; // the backslash
      if (i >= n) return;
      char c = s.charAt(i);
      if (!isAsciiLetter(c)) {
        i++;
        switch (c) {
          case ',', ':', ';', ' ', '>', '\t', '\n' -> out.add(new Atom(SPACE, " "));
          case '!' -> { }
          case '{' -> out.add(new Atom(OPEN, "{"));
          case '}' -> out.add(new Atom(CLOSE, "}"));
          case '|' -> out.add(new Atom(ORD, "‖"));
          case '\\' -> out.add(new Atom(NEWLINE, "\n"));
          default -> out.add(new Atom(ORD, String.valueOf(c)));
        }
        return;
      }
      int start = i;
      while (i < n && isAsciiLetter(s.charAt(i))) i++;
      String name = s.substring(start, i);
      skipSpaces(); // TeX swallows the spaces after a control word
      switch (name) {
        case "frac", "dfrac", "tfrac", "cfrac" -> {
          String a = argText(false);
          String b = argText(false);
          out.add(new Atom(ORD, Text.cat(group(a), "/", group(b))));
        }
        case "sqrt" -> {
          String index = "";
          if (i < n && s.charAt(i) == '[') {
            int close = s.indexOf(']', i);
            if (close < 0) close = n;
            if (depth < MAX_DEPTH) {
              Parser sub = new Parser(s.substring(i + 1, close), depth + 1);
              index = toScript(tidy(join(sub.seq(false), true)), true);
            }
            i = Math.min(n, close + 1);
          }
          String a = argText(false);
          boolean single = a.codePointCount(0, a.length()) <= 1 || wrapped(a);
          out.add(new Atom(ORD, Text.cat(index, "√", single ? a : Text.cat("(", a, ")"))));
        }
        case "text", "textrm", "textbf", "textit", "textsf", "texttt", "textnormal", "mbox",
            "hbox" -> out.add(new Atom(ORD, rawArg()));
        case "mathrm", "mathbf", "mathit", "mathsf", "mathtt", "mathnormal", "boldsymbol", "bm",
            "pmb", "mathring", "underline" -> out.addAll(arg());
        case "operatorname" -> {
          if (i < n && s.charAt(i) == '*') i++;
          out.add(new Atom(WORD, argText(true)));
        }
        case "mathcal", "mathscr" -> out.add(new Atom(ORD, letters(argText(true), 'c')));
        case "mathbb" -> out.add(new Atom(ORD, letters(argText(true), 'b')));
        case "mathfrak" -> out.add(new Atom(ORD, letters(argText(true), 'f')));
        case "hat", "widehat" -> out.add(new Atom(ORD, accent(argText(true), '\u0302', false)));
        case "tilde", "widetilde" -> out.add(new Atom(ORD, accent(argText(true), '\u0303', false)));
        case "bar", "overline" -> {
          String a = argText(true);
          char mark = a.codePointCount(0, a.length()) == 1 ? '\u0304' : '\u0305'; // macron, or a joined overline
          out.add(new Atom(ORD, accent(a, mark, true)));
        }
        case "vec", "overrightarrow" -> out.add(new Atom(ORD, accent(argText(true), '\u20D7', false)));
        case "dot" -> out.add(new Atom(ORD, accent(argText(true), '\u0307', false)));
        case "ddot" -> out.add(new Atom(ORD, accent(argText(true), '\u0308', false)));
        case "overset", "stackrel" -> {
          String over = argText(true);
          List<Atom> base = arg();
          if (base.isEmpty()) base.add(new Atom(ORD, ""));
          base.get(base.size() - 1).text.append(toScript(over, true));
          out.addAll(base);
        }
        case "underset" -> {
          String under = argText(true);
          List<Atom> base = arg();
          if (base.isEmpty()) base.add(new Atom(ORD, ""));
          base.get(base.size() - 1).text.append(toScript(under, false));
          out.addAll(base);
        }
        case "not" -> {
          List<Atom> a = arg();
          for (Atom x : a) {
            String t = x.text.toString();
            x.text.setLength(0);
            x.text.append(switch (t) {
              case "=" -> "≠";
              case "∈" -> "∉";
              case "⊂" -> "⊄";
              case "≡" -> "≢";
              default -> t.concat("\u0338");
            });
          }
          out.addAll(a);
        }
        case "left", "right", "middle", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl",
            "Bigr", "biggl", "biggr", "Biggl", "Biggr", "bigm", "Bigm" -> {
          if (i < n && s.charAt(i) == '.') i++; // \left. is an invisible delimiter
        }
        case "begin", "end", "label", "tag", "color", "phantom", "hphantom", "vphantom" -> rawArg();
        case "textcolor" -> rawArg(); // the colour; the text follows as a plain group
        case "displaystyle", "textstyle", "scriptstyle", "limits", "nolimits", "nonumber",
            "notag", "mathstrut", "strut", "hfill", "centering" -> { }
        case "quad", "qquad", "enspace", "thinspace", "medspace", "thickspace", "space" ->
            out.add(new Atom(SPACE, " "));
        default -> {
          String sym = symbol(name);
          // unknown: keep its name readable, spaced like an operator name such as \softmax
          if (sym == null) out.add(new Atom(WORD, name));
          else out.add(new Atom(kindOf(sym.charAt(0)), sym.substring(1)));
        }
      }
    }
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static int kindOf(char k) {
    return switch (k) {
      case 'O' -> OP;
      case 'w' -> WORD;
      case 'b' -> BIN;
      case 'r' -> REL;
      case '(' -> OPEN;
      case ')' -> CLOSE;
      case 'p' -> PUNCT;
      default -> ORD;
    };
  }

  /** Symbol for a control word, prefixed by its class letter; null when unknown. */
  private static String symbol(String name) {
    return switch (name) {
      case "alpha" -> "oα";
      case "beta" -> "oβ";
      case "gamma" -> "oγ";
      case "delta" -> "oδ";
      case "epsilon" -> "oϵ";
      case "varepsilon" -> "oε";
      case "zeta" -> "oζ";
      case "eta" -> "oη";
      case "theta" -> "oθ";
      case "vartheta" -> "oϑ";
      case "iota" -> "oι";
      case "kappa" -> "oκ";
      case "lambda" -> "oλ";
      case "mu" -> "oμ";
      case "nu" -> "oν";
      case "xi" -> "oξ";
      case "omicron" -> "oο";
      case "pi" -> "oπ";
      case "varpi" -> "oϖ";
      case "rho" -> "oρ";
      case "varrho" -> "oϱ";
      case "sigma" -> "oσ";
      case "varsigma" -> "oς";
      case "tau" -> "oτ";
      case "upsilon" -> "oυ";
      case "phi" -> "oϕ";
      case "varphi" -> "oφ";
      case "chi" -> "oχ";
      case "psi" -> "oψ";
      case "omega" -> "oω";
      case "Gamma" -> "oΓ";
      case "Delta" -> "oΔ";
      case "Theta" -> "oΘ";
      case "Lambda" -> "oΛ";
      case "Xi" -> "oΞ";
      case "Pi" -> "oΠ";
      case "Sigma" -> "oΣ";
      case "Upsilon" -> "oΥ";
      case "Phi" -> "oΦ";
      case "Psi" -> "oΨ";
      case "Omega" -> "oΩ";
      case "sum" -> "OΣ";
      case "prod" -> "O∏";
      case "coprod" -> "O∐";
      case "int" -> "O∫";
      case "iint" -> "O∬";
      case "iiint" -> "O∭";
      case "oint" -> "O∮";
      case "bigcup" -> "O⋃";
      case "bigcap" -> "O⋂";
      case "bigoplus" -> "O⨁";
      case "bigotimes" -> "O⨂";
      case "log", "exp", "ln", "max", "min", "arg", "sin", "cos", "tan", "sec", "csc", "cot",
          "sinh", "cosh", "tanh", "arcsin", "arccos", "arctan", "det", "lim", "sup", "inf",
          "limsup", "liminf", "argmax", "argmin", "gcd", "lcm", "dim", "ker", "deg", "hom", "Pr",
          "lg" -> "w".concat(name);
      case "bmod", "mod" -> "wmod";
      case "infty" -> "o∞";
      case "partial" -> "o∂";
      case "nabla" -> "o∇";
      case "forall" -> "o∀";
      case "exists" -> "o∃";
      case "nexists" -> "o∄";
      case "neg", "lnot" -> "o¬";
      case "emptyset", "varnothing" -> "o∅";
      case "ell" -> "oℓ";
      case "hbar" -> "oℏ";
      case "Re" -> "oℜ";
      case "Im" -> "oℑ";
      case "aleph" -> "oℵ";
      case "prime" -> "o′";
      case "angle" -> "o∠";
      case "triangle" -> "o△";
      case "top" -> "o⊤";
      case "bot" -> "o⊥";
      case "dagger" -> "o†";
      case "ddagger" -> "o‡";
      case "degree" -> "o°";
      case "ldots", "dots", "dotsc", "dotsb" -> "o…";
      case "cdots" -> "o⋯";
      case "vdots" -> "o⋮";
      case "ddots" -> "o⋱";
      case "vert", "mid" -> name.equals("mid") ? "r|" : "o|";
      case "Vert" -> "o‖";
      case "backslash", "setminus" -> name.equals("setminus") ? "b∖" : "o\\";
      case "checkmark" -> "o✓";
      case "uparrow" -> "o↑";
      case "downarrow" -> "o↓";
      case "langle" -> "(⟨";
      case "rangle" -> ")⟩";
      case "lfloor" -> "(⌊";
      case "rfloor" -> ")⌋";
      case "lceil" -> "(⌈";
      case "rceil" -> ")⌉";
      case "lvert" -> "(|";
      case "rvert" -> ")|";
      case "lVert" -> "(‖";
      case "rVert" -> ")‖";
      case "lbrace" -> "({";
      case "rbrace" -> ")}";
      case "colon" -> "p:";
      case "cdot", "cdotp" -> "b·";
      case "times" -> "b×";
      case "pm" -> "b±";
      case "mp" -> "b∓";
      case "div" -> "b÷";
      case "ast" -> "b∗";
      case "star" -> "b⋆";
      case "circ" -> "b∘";
      case "bullet" -> "b∙";
      case "cup" -> "b∪";
      case "cap" -> "b∩";
      case "oplus" -> "b⊕";
      case "otimes" -> "b⊗";
      case "odot" -> "b⊙";
      case "wedge", "land" -> "b∧";
      case "vee", "lor" -> "b∨";
      case "leq", "le", "leqslant" -> "r≤";
      case "geq", "ge", "geqslant" -> "r≥";
      case "neq", "ne" -> "r≠";
      case "approx" -> "r≈";
      case "equiv" -> "r≡";
      case "sim" -> "r∼";
      case "simeq" -> "r≃";
      case "cong" -> "r≅";
      case "propto" -> "r∝";
      case "in" -> "r∈";
      case "notin" -> "r∉";
      case "ni" -> "r∋";
      case "subset" -> "r⊂";
      case "subseteq" -> "r⊆";
      case "supset" -> "r⊃";
      case "supseteq" -> "r⊇";
      case "succ" -> "r≻";
      case "prec" -> "r≺";
      case "succeq" -> "r⪰";
      case "preceq" -> "r⪯";
      case "ll" -> "r≪";
      case "gg" -> "r≫";
      case "lt" -> "r<";
      case "gt" -> "r>";
      case "parallel" -> "r∥";
      case "perp" -> "r⊥";
      case "models" -> "r⊨";
      case "vdash" -> "r⊢";
      case "coloneqq", "coloneq" -> "r:=";
      case "triangleq", "doteq" -> name.equals("doteq") ? "r≐" : "r≜";
      case "to", "rightarrow" -> "r→";
      case "leftarrow", "gets" -> "r←";
      case "leftrightarrow" -> "r↔";
      case "Rightarrow" -> "r⇒";
      case "Leftarrow" -> "r⇐";
      case "Leftrightarrow" -> "r⇔";
      case "implies", "Longrightarrow" -> "r⟹";
      case "impliedby", "Longleftarrow" -> "r⟸";
      case "iff", "Longleftrightarrow" -> "r⟺";
      case "mapsto" -> "r↦";
      case "longrightarrow" -> "r⟶";
      case "longleftarrow" -> "r⟵";
      case "hookrightarrow" -> "r↪";
      default -> null;
    };
  }

  /** Joins atoms with spacing by class; tight (inside scripts) drops the source's spaces. */
  private static String join(List<Atom> atoms, boolean tight) {
    StringBuilder b = new StringBuilder();
    Atom prev = null;
    boolean gap = false;
    boolean spacedBin = false; // a binary operator with a space before gets one after: a \cdot b
    for (Atom a : atoms) {
      if (a.kind == SPACE) {
        gap = !tight;
        continue;
      }
      if (a.kind == NEWLINE) {
        b.append('\n');
        prev = null;
        gap = false;
        continue;
      }
      if (a.text.length() == 0) continue;
      boolean space = gap;
      if (prev != null) {
        int p = prev.kind;
        int k = a.kind;
        boolean named = k == OP || k == WORD;
        boolean prevNamed = p == OP || p == WORD;
        if (tight) {
          // a word operator must stay apart from letters even inside a script
          space = (k == WORD && (p == ORD || prevNamed)) || (p == WORD && (k == ORD || named));
        } else {
          if (k == OPEN && p == ORD) space = false; // "H (X)" reads as function application
          if (k == PUNCT || k == CLOSE || p == OPEN) space = false;
          if (k == REL || p == REL) space = true;
          if (named && (p == ORD || p == CLOSE || prevNamed)) space = true;
          if (prevNamed && (k == ORD || named)) space = true;
          if (p == BIN && spacedBin) space = true;
        }
      }
      // only a binary use counts: after "=" the minus is unary and hugs its operand
      spacedBin = a.kind == BIN && space && prev != null && (prev.kind == ORD || prev.kind == CLOSE);
      if (space && b.length() > 0 && b.charAt(b.length() - 1) != '\n') b.append(' ');
      b.append(a.text);
      prev = a;
      gap = false;
    }
    return b.toString();
  }

  /** Collapses runs of spaces and trims every line. */
  private static String tidy(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean space = false;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == ' ') {
        space = true;
      } else if (c == '\n') {
        if (b.length() > 0 && b.charAt(b.length() - 1) != '\n') b.append('\n');
        space = false;
      } else {
        if (space && b.length() > 0 && b.charAt(b.length() - 1) != '\n') b.append(' ');
        b.append(c);
        space = false;
      }
    }
    int end = b.length();
    while (end > 0 && b.charAt(end - 1) == '\n') end--;
    return b.substring(0, end);
  }

  /**
   * Sub- or superscript form of a script. All or nothing: when any character lacks a Unicode
   * script form the whole script is written readably as _(…) or ^(…) (x_{new} → x_(new)).
   */
  static String toScript(String content, boolean sup) {
    if (content.isEmpty()) return "";
    String from = sup ? SUP_FROM : SUB_FROM;
    String to = sup ? SUP_TO : SUB_TO;
    StringBuilder b = new StringBuilder(content.length());
    for (int k = 0; k < content.length(); k++) {
      int at = from.indexOf(content.charAt(k));
      if (at < 0) {
        String marker = sup ? "^" : "_";
        boolean single = content.codePointCount(0, content.length()) == 1 || wrapped(content);
        return single ? marker.concat(content) : Text.cat(marker, "(", content, ")");
      }
      b.append(to.charAt(at));
    }
    return b.toString();
  }

  /** Parenthesises a fraction part that is more than one operand. */
  private static String group(String s) {
    if (s.isEmpty() || wrapped(s)) return s;
    int level = 0;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '(' || c == '[' || c == '{' || c == '⟨') level++;
      else if (c == ')' || c == ']' || c == '}' || c == '⟩') level--;
      else if (level == 0 && " +−-*/·×±÷=<>≤≥≠≈∈→⇒≻≺:|\n".indexOf(c) >= 0) return Text.cat("(", s, ")");
    }
    return s;
  }

  /** True when s is one parenthesised group, "(a+b)" but not "(a)+(b)". */
  private static boolean wrapped(String s) {
    if (s.length() < 2 || s.charAt(0) != '(' || s.charAt(s.length() - 1) != ')') return false;
    int level = 0;
    for (int k = 0; k < s.length() - 1; k++) {
      char c = s.charAt(k);
      if (c == '(') level++;
      else if (c == ')') level--;
      if (level == 0) return false;
    }
    return true;
  }

  /** Maps ASCII letters to a mathematical alphabet: 'c' script, 'b' double-struck, 'f' fraktur. */
  private static String letters(String s, char font) {
    StringBuilder b = new StringBuilder(s.length() * 2);
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      b.appendCodePoint(letter(c, font));
    }
    return b.toString();
  }

  private static int letter(char c, char font) {
    boolean upper = c >= 'A' && c <= 'Z';
    boolean lower = c >= 'a' && c <= 'z';
    switch (font) {
      case 'c' -> {
        // letters Unicode already had before the math block live in Letterlike Symbols
        int hole = "BEFHILMRego".indexOf(c);
        if (hole >= 0) return "ℬℰℱℋℐℒℳℛℯℊℴ".charAt(hole);
        if (upper) return 0x1D49C + (c - 'A');
        if (lower) return 0x1D4B6 + (c - 'a');
      }
      case 'b' -> {
        int hole = "CHNPQRZ".indexOf(c);
        if (hole >= 0) return "ℂℍℕℙℚℝℤ".charAt(hole);
        if (upper) return 0x1D538 + (c - 'A');
        if (lower) return 0x1D552 + (c - 'a');
        if (c >= '0' && c <= '9') return 0x1D7D8 + (c - '0');
      }
      default -> {
        int hole = "CHIRZ".indexOf(c);
        if (hole >= 0) return "ℭℌℑℜℨ".charAt(hole);
        if (upper) return 0x1D504 + (c - 'A');
        if (lower) return 0x1D51E + (c - 'a');
      }
    }
    return c;
  }

  /** Puts a combining accent after the last character, or after every one when each is set. */
  private static String accent(String s, char mark, boolean each) {
    if (s.isEmpty()) return String.valueOf(mark);
    if (!each) return s.concat(String.valueOf(mark));
    StringBuilder b = new StringBuilder(s.length() * 2);
    for (int k = 0; k < s.length(); ) {
      int cp = s.codePointAt(k);
      b.appendCodePoint(cp).append(mark);
      k += Character.charCount(cp);
    }
    return b.toString();
  }
}
