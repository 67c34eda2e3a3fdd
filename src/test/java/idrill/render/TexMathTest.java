package idrill.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TexMathTest {

  static Stream<Arguments> mappings() {
    String[][] cases = {
      // Greek
      {"\\alpha\\beta\\gamma\\delta\\zeta\\eta\\theta\\iota\\kappa\\lambda\\mu", "αβγδζηθικλμ"},
      {"\\nu\\xi\\pi\\rho\\sigma\\upsilon\\phi\\chi\\psi\\omega", "νξπρσυϕχψω"},
      {"\\Gamma\\Delta\\Theta\\Lambda\\Xi\\Pi\\Sigma\\Upsilon\\Phi\\Psi\\Omega", "ΓΔΘΛΞΠΣΥΦΨΩ"},
      {"\\tau", "τ"},
      {"\\epsilon", "ϵ"},
      {"\\varepsilon", "ε"},
      // big operators and symbols
      {"\\sum", "Σ"},
      {"\\prod", "∏"},
      {"\\int", "∫"},
      {"\\infty", "∞"},
      {"\\partial", "∂"},
      {"\\nabla", "∇"},
      {"a \\cdot b", "a · b"},
      {"a \\times b", "a × b"},
      {"a \\leq b", "a ≤ b"},
      {"a \\le b", "a ≤ b"},
      {"a \\geq b", "a ≥ b"},
      {"a \\neq b", "a ≠ b"},
      {"a \\approx b", "a ≈ b"},
      {"x \\in S", "x ∈ S"},
      {"x \\notin S", "x ∉ S"},
      {"A \\subset B", "A ⊂ B"},
      {"f: X \\to Y", "f: X → Y"},
      {"a \\rightarrow b", "a → b"},
      {"a \\leftarrow b", "a ← b"},
      {"a \\Rightarrow b", "a ⇒ b"},
      {"a \\succ b", "a ≻ b"},
      {"a \\prec b", "a ≺ b"},
      {"a \\pm b", "a ± b"},
      {"a\\cdot b", "a·b"},
      // relations get spaces even when written tight
      {"a=b", "a = b"},
      // roots and fractions
      {"\\sqrt{x}", "√x"},
      {"\\sqrt{x+y}", "√(x+y)"},
      {"\\sqrt{\\alpha}", "√α"},
      {"\\frac{a}{b}", "a/b"},
      {"\\frac{X - X_{min}}{X_{max}}", "(X − Xₘᵢₙ)/Xₘₐₓ"},
      {"\\frac{1}{1+e^{-x}}", "1/(1+e⁻ˣ)"},
      // operator names
      {"\\log x", "log x"},
      {"\\exp(x)", "exp(x)"},
      {"\\ln x", "ln x"},
      {"\\max_i x_i", "maxᵢ xᵢ"},
      {"\\min(a, b)", "min(a, b)"},
      {"\\arg\\max_\\theta f", "arg max_θ f"},
      {"\\sin x + \\cos x", "sin x + cos x"},
      {"p(x)\\log p(x)", "p(x) log p(x)"},
      // alphabets and text
      {"\\mathcal{X}", "𝒳"},
      {"\\mathcal{L}", "ℒ"},
      {"\\mathbb{E}", "𝔼"},
      {"\\mathbb{R}\\mathbb{N}\\mathbb{Z}\\mathbb{Q}\\mathbb{C}", "ℝℕℤℚℂ"},
      {"\\mathrm{H}", "H"},
      {"\\text{abc}", "abc"},
      {"\\text{ema_param}", "ema_param"},
      {"\\text{a b}", "a b"},
      {"\\mathbf{x}", "x"},
      {"\\operatorname{softmax}(z)", "softmax(z)"},
      // delimiters and spacing
      {"\\left( x \\right)", "(x)"},
      {"\\left\\{ a \\right.", "{a"},
      {"a\\,b", "a b"},
      {"a\\;b", "a b"},
      {"a\\quad b", "a b"},
      {"a    b", "a b"},
      {"a := b", "a := b"},
      {"H:=-x", "H := −x"},
      {"a - b", "a − b"},
      {"-x", "−x"},
      {"\\{1, 2\\}", "{1, 2}"},
      {"{a}{b}", "ab"},
      {"\\foo", "foo"},
      {"\\foo x", "foo x"},
      // scripts
      {"p^*", "p*"},
      {"z_i", "zᵢ"},
      {"x_{ij}", "xᵢⱼ"},
      {"x^2", "x²"},
      {"x^{2n}", "x²ⁿ"},
      {"x_i^2", "xᵢ²"},
      {"10^{-3}", "10⁻³"},
      {"x^{(i)}", "x⁽ⁱ⁾"},
      {"x^T", "xᵀ"},
      {"x^\\top", "xᵀ"},
      {"\\sum_{i=1}^{n}", "Σᵢ₌₁ⁿ"},
      {"e^{z_i / \\tau}", "e^(zᵢ/τ)"},
      {"X_{new}", "X_(new)"},
      {"x_w", "x_w"},
      {"x_{\\alpha}", "x_α"},
      {"x^{}", "x"},
      // accents
      {"\\hat{y}", "y\u0302"},
      {"\\bar{x}", "x\u0304"},
      {"\\vec{v}", "v\u20d7"},
      // seed formulas from the bundled bank
      {"-\\sum_{i}^{} (p_i \\log p_i)", "−Σᵢ (pᵢ log pᵢ)"},
      {"P(i) = \\frac{e^{z_i / \\tau}}{\\sum_{j} e^{z_j / \\tau}}", "P(i) = e^(zᵢ/τ)/(Σⱼ e^(zⱼ/τ))"},
      {"\\mathrm {H} (X):=-\\sum _{x\\in {\\mathcal {X}}}p(x)\\log p(x)=\\mathbb {E} [-\\log p(X)]",
        "H(X) := −Σ_(x∈𝒳) p(x) log p(x) = 𝔼[−log p(X)]"},
      {"X_{new} = (X - X_{min})/(X_{max} - X_{min})", "X_(new) = (X − Xₘᵢₙ)/(Xₘₐₓ − Xₘᵢₙ)"},
      {" \\text{ema_param} = \\text{ema_param} * \\text{decay} + \\text{param} * (1 - \\text{decay}) ",
        "ema_param = ema_param * decay + param * (1 − decay)"},
      {" p^*(y_1 \\succ y_2 | x) = \\frac{exp(r^*(x, y_1))}{exp(r^*(x, y_1)) + exp(r^*(x, y_2))} ",
        "p*(y₁ ≻ y₂ | x) = exp(r*(x, y₁))/(exp(r*(x, y₁)) + exp(r*(x, y₂)))"},
      // line breaks in display math
      {"a \\\\ b", "a\nb"},
    };
    return Stream.of(cases).map(c -> Arguments.of(c[0], c[1]));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("mappings")
  void converts(String tex, String expected) {
    assertEquals(expected, TexMath.toUnicode(tex));
  }

  @Test
  void emptyAndNull() {
    assertEquals("", TexMath.toUnicode(null));
    assertEquals("", TexMath.toUnicode(""));
    assertEquals("", TexMath.toUnicode("   "));
  }

  @Test
  void malformedInputNeverThrows() {
    assertEquals("a/", TexMath.toUnicode("\\frac{a"));
    assertEquals("x", TexMath.toUnicode("x\\"));
    assertEquals("ab", TexMath.toUnicode("a}}b"));
    assertEquals("x", TexMath.toUnicode("x^"));
    assertEquals("√", TexMath.toUnicode("\\sqrt"));
  }

  @Test
  void hostileNestingIsFlattenedNotRecursed() {
    String deep = "{".repeat(100_000) + "x" + "}".repeat(100_000);
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertEquals("x", TexMath.toUnicode(deep)));
    for (String hostile : new String[] {"x" + "^{a".repeat(50_000), "x" + "^".repeat(100_000),
        "\\frac".repeat(100_000), "\\sqrt[".repeat(50_000) + "x]", "\\not".repeat(100_000)}) {
      assertTimeoutPreemptively(Duration.ofSeconds(5), () -> TexMath.toUnicode(hostile));
    }
  }
}
