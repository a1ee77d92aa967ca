package org.isoscoring.drools.check;

import org.isoscoring.drools.*;
import org.isoscoring.api.Finding;

import org.isoscoring.rules.Counting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.isoscoring.api.Criterion;
import org.isoscoring.api.GuidanceInfo;

/**
 * What is checked before a guidance folder's rules are compiled: its descriptor, the syntax of every rule file,
 * unique rule names, a rule for every sub-criterion, no award above its maximum, and that the files only score
 * (no imports but the library's fact types, no calls that reach the system, files, network, threads or
 * reflection, no loops, no mutation of the facts, no salience).
 */
public final class GuidanceCheck {

    /** A rule of a file, as the parser read it. */
    public record ParsedRule(String file, RuleDescr descr, String criterion) {
    }

    /** A rule file, as the parser read it. */
    public record ParsedFile(String name, DrlText text, PackageDescr descr) {
    }

    /** Besides the vocabulary: the awards given and the catalog's size, which a rule may match (decision 53). */
    private static final Set<String> ALLOWED_IMPORTS = Set.of("java.math.BigDecimal", "java.time.LocalDate",
            "org.isoscoring.drools.Award", "org.isoscoring.drools.Catalog");
    private static final List<String> ALLOWED_PACKAGES = List.of("org.isoscoring.rules.");
    private static final Set<String> ALLOWED_FUNCTIONS = Set.of("org.isoscoring.rules.Awards.award",
            "org.isoscoring.rules.Awards.penalize", "org.isoscoring.rules.Awards.rate",
            "org.isoscoring.rules.Awards.report", "org.isoscoring.rules.Counting.ceilDiv");

    /** Words that reach outside scoring, or change facts, or loop. */
    private static final Pattern FORBIDDEN = Pattern.compile("\\b(System|Runtime|Thread|ThreadGroup|ProcessBuilder"
            + "|Process|ProcessHandle|ClassLoader|Class|forName|getClass|getClassLoader|reflect|invoke|Unsafe|Files|Paths"
            + "|File|FileInputStream|FileOutputStream|FileReader|FileWriter|RandomAccessFile|Socket|ServerSocket|URL|URI"
            + "|HttpClient|InetAddress|Executors|ForkJoinPool|CompletableFuture|MethodHandles|MethodHandle|VarHandle"
            + "|exit|halt|exec|eval|while|for|do"
            + "|modify|update|delete|retract|salience|dialect|global|function|java|javax|jdk|sun|com)\\b"
            + "|\\b(kcontext|drools)\\s*\\.");

    /** An award: its points, its Vietnamese reason and its English reason (both optional to the pattern). */
    private static final Pattern AWARD = Pattern.compile("award\\s*\\(\\s*kcontext\\s*,\\s*[$\\w]+\\s*,\\s*\"([^\"]*)\""
            + "(?:\\s*,\\s*\"((?:[^\"\\\\]|\\\\.)*)\")?(?:\\s*,\\s*\"((?:[^\"\\\\]|\\\\.)*)\")?");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9]+)}");
    /**
     * A whole award statement that passes the firing rule's context, its assessment and string literals only
     * ({@code award(kcontext, $s, "8", "…", "…");}), in a consequence whose comments and string contents are
     * blanked ({@link DrlText#code()}).
     */
    private static final Pattern AWARD_STATEMENT = Pattern.compile("award\\s*\\(\\s*kcontext\\s*,\\s*\\$?\\w+\\s*"
            + "(?:,\\s*\"[^\"]*\"\\s*)+\\)\\s*;");

    private final SortedMap<String, String> files;
    private final List<Finding> findings = new ArrayList<>();
    private final List<ParsedFile> parsed = new ArrayList<>();
    private final List<ParsedRule> rules = new ArrayList<>();
    /** What a reason may quote: every name of the facts the rules see (the guidance's and the rule files' own). */
    private final Set<String> quotable = new HashSet<>(Set.of("agency", "year"));
    private Set<String> generated = Set.of();

    private GuidanceCheck(SortedMap<String, String> files) {
        this.files = files;
    }

    /**
     * The problems found before compiling, and what the parser read.
     *
     * @param files a guidance folder's files, their text by file name; each {@code .drl} file is parsed
     * @param descriptor the folder's descriptor, or {@code null} when it could not be read: then the catalog and
     *                   the awards are not checked
     * @return the check, with its findings and what the parser read
     */
    public static GuidanceCheck run(SortedMap<String, String> files, Descriptor descriptor) {
        GuidanceCheck check = new GuidanceCheck(files);
        if (descriptor != null) {
            check.catalog(descriptor.info());
            check.vocabulary(descriptor.info().vocabulary());
        }
        files.forEach((name, text) -> {
            if (name.endsWith(".drl")) {
                check.parse(name, text);
            }
        });
        check.names();
        boolean allParsed = check.parsed.size() == files.keySet().stream().filter(n -> n.endsWith(".drl")).count();
        if (descriptor != null && allParsed) {
            check.awards(descriptor.info());
        }
        return check;
    }

    /**
     * The problems found before compiling.
     *
     * @return the findings, each at its file, line and column; empty when the folder may be compiled
     */
    public List<Finding> findings() {
        return findings;
    }

    /**
     * The rule files the parser read without a syntax error.
     *
     * @return the parsed rule files, in file name order
     */
    public List<ParsedFile> parsedFiles() {
        return parsed;
    }

    /**
     * The rules of the parsed rule files, each with the sub-criterion its {@code @criterion} annotation names
     * ({@code null} without one).
     *
     * @return the rules, in file name order, then in the order of each file
     */
    public List<ParsedRule> rules() {
        return rules;
    }

    /**
     * The names of the rules whose consequence only gives awards: award statements of string literals, and
     * comments (read as the parser does: a {@code //} or {@code /*} inside a string is text, a quote inside a
     * comment is comment). Such a rule, if it also matches one assessment alone, can be fired without the network
     * ({@link Direct}).
     *
     * @return the rules' names, sorted
     */
    public Set<String> awardsOnly() {
        Set<String> names = new TreeSet<>();
        for (ParsedRule r : rules) {
            String code = new DrlText(String.valueOf(r.descr().getConsequence())).code();
            Matcher awards = AWARD_STATEMENT.matcher(code);
            if (awards.find() && awards.reset().replaceAll(" ").isBlank()) {
                names.add(r.descr().getName());
            }
        }
        return names;
    }

    /** The names the guidance's facts answer to, and the classes written for it. */
    private void vocabulary(org.isoscoring.api.Vocabulary v) {
        v.facts().forEach(f -> quotable.add(f.name()));
        v.measures().forEach(m -> quotable.add(m.name()));
        for (org.isoscoring.api.Vocabulary.Kind k : v.kinds()) {
            if (k.members() != null) {
                quotable.add(k.members().count());
            }
            if (k.record() != null) {
                k.record().fields().forEach(f -> {
                    quotable.add(f.name());
                    if (f.countAs() != null) {
                        quotable.add(f.countAs());
                    }
                });
            }
        }
        generated = Sources.classNames(v);
    }

    private void catalog(GuidanceInfo info) {
        String json = files.getOrDefault(Descriptor.FILE, "");
        BigDecimal sum = BigDecimal.ZERO;
        Set<String> ids = new TreeSet<>();
        for (Criterion c : info.criteria()) {
            sum = sum.add(c.max());
            BigDecimal subs = c.subCriteria().stream().map(Criterion::max).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (c.subCriteria().isEmpty()) {
                findings.add(at(json, c.id(), "tiêu chí " + c.id() + " không có tiêu chí thành phần", "criterion "
                        + c.id() + " has no sub-criterion"));
            } else if (subs.compareTo(c.max()) != 0) {
                findings.add(at(json, c.id(), "điểm tối đa của các tiêu chí thành phần của tiêu chí " + c.id()
                        + " cộng lại là " + plain(subs) + ", không phải " + plain(c.max()), "the sub-criteria of "
                        + c.id() + " add up to " + plain(subs) + ", not " + plain(c.max())));
            }
            for (Criterion s : c.subCriteria()) {
                if (!ids.add(s.id())) {
                    findings.add(at(json, s.id(), "mã tiêu chí " + s.id() + " bị trùng", "sub-criterion id " + s.id()
                            + " is used twice"));
                }
                if (s.max().signum() <= 0 || s.max().remainder(new BigDecimal("0.5")).signum() != 0) {
                    findings.add(at(json, s.id(), "điểm tối đa của " + s.id() + " phải là bội số dương của 0,5", "the "
                            + "maximum of " + s.id() + " must be a positive multiple of 0.5"));
                }
            }
        }
        if (sum.compareTo(new BigDecimal(100)) != 0) {
            findings.add(new Finding(Descriptor.FILE, 0, 0, "điểm tối đa của các tiêu chí cộng lại là " + plain(sum)
                    + ", không phải 100", "the criteria add up to " + plain(sum) + " points, not 100"));
        }
    }

    private void parse(String name, String text) {
        DrlText drl = new DrlText(text);
        DrlParser parser = new DrlParser();
        PackageDescr descr;
        try {
            descr = parser.parse(false, text);
        } catch (DroolsParserException | RuntimeException e) {
            findings.add(new Finding(name, 0, 0, "không đọc được tệp: " + e.getMessage(), "cannot read the file: "
                    + e.getMessage()));
            return;
        }
        boolean syntax = false;
        for (DroolsError error : parser.getErrors()) {
            String message = error.getMessage();
            if (message == null || message.contains("Parser returned a null Package")) {
                continue;
            }
            int line = 0;
            int column = 0;
            if (error instanceof ParserError p) {
                line = p.getRow();
                column = p.getCol() + 1;
            } else if (error.getLines() != null && error.getLines().length > 0) {
                line = error.getLines()[0];
            }
            findings.add(Messages.syntax(message).at(name, Math.max(line, 0), column));
            syntax = true;
        }
        if (syntax || descr == null) {
            return;
        }
        parsed.add(new ParsedFile(name, drl, descr));
        for (ImportDescr i : descr.getImports()) {
            String target = i.getTarget();
            if (!ALLOWED_IMPORTS.contains(target) && ALLOWED_PACKAGES.stream().noneMatch(target::startsWith)) {
                findings.add(new Finding(name, i.getLine(), i.getColumn() + 1, "chỉ được import các kiểu dữ kiện của "
                        + "thư viện", "only the library's fact types may be imported, not " + target));
            }
        }
        for (FunctionImportDescr f : descr.getFunctionImports()) {
            if (!ALLOWED_FUNCTIONS.contains(f.getTarget())) {
                findings.add(new Finding(name, f.getLine(), f.getColumn() + 1, "chỉ được dùng các hàm chấm điểm của thư "
                        + "viện (award, penalize, rate, ceilDiv)", "only the library's scoring functions may be "
                        + "imported, not " + f.getTarget()));
            }
        }
        forbidden(name, drl);
        for (org.drools.drl.ast.descr.TypeDeclarationDescr t : descr.getTypeDeclarations()) {
            if (generated.contains(t.getTypeName())) {
                findings.add(new Finding(name, t.getLine(), t.getColumn() + 1, "\"" + t.getTypeName() + "\" đã là một "
                        + "kiểu của bộ tiêu chí (từ guidance.json và facts.json)", "\"" + t.getTypeName() + "\" is a type the "
                        + "guidance's declarations "
                        + "make already; declare a fact of another name"));
            }
            t.getFields().keySet().forEach(quotable::add);
        }
        for (RuleDescr r : descr.getRules()) {
            AnnotationDescr a = r.getAnnotation("criterion");
            String criterion = a == null ? null : unquote(String.valueOf(a.getSingleValue()));
            rules.add(new ParsedRule(name, r, criterion));
        }
    }

    private void forbidden(String name, DrlText drl) {
        String code = drl.code();
        // import lines were checked above; blank them so that "import function" and package names pass
        StringBuilder scan = new StringBuilder(code);
        Matcher imports = Pattern.compile("(?m)^\\s*(import|package)\\b[^\\n]*").matcher(code);
        while (imports.find()) {
            for (int i = imports.start(); i < imports.end(); i++) {
                scan.setCharAt(i, ' ');
            }
        }
        Matcher m = FORBIDDEN.matcher(scan);
        while (m.find()) {
            String word = m.group(1) != null ? m.group(1) : m.group(2) + ".";
            findings.add(Messages.forbidden(word).at(name, drl.line(m.start()), drl.column(m.start())));
        }
    }

    private void names() {
        Map<String, ParsedRule> seen = new HashMap<>();
        for (ParsedRule r : rules) {
            ParsedRule first = seen.putIfAbsent(r.descr().getName(), r);
            if (first != null) {
                findings.add(new Finding(r.file(), r.descr().getLine(), r.descr().getColumn() + 1, "tên quy tắc \""
                        + r.descr().getName() + "\" bị trùng (đã có ở " + first.file() + ":" + first.descr().getLine()
                        + ")", "the rule name is used twice"));
            }
        }
    }

    private void awards(GuidanceInfo info) {
        Map<String, Criterion> byId = new HashMap<>();
        info.subCriteria().forEach(s -> byId.put(s.id(), s));
        Set<String> covered = new TreeSet<>();
        for (ParsedRule r : rules) {
            String consequence = String.valueOf(r.descr().getConsequence());
            Matcher m = AWARD.matcher(consequence);
            boolean awards = false;
            while (m.find()) {
                awards = true;
                int line = r.descr().getConsequenceLine() + (int) consequence.substring(0, m.start()).chars()
                        .filter(ch -> ch == '\n').count();
                for (int reason = 2; reason <= 3; reason++) {
                    if (m.group(reason) == null) {
                        continue;
                    }
                    String which = reason == 2 ? "" : " (English)";
                    int at = r.descr().getConsequenceLine() + (int) consequence.substring(0, m.start(reason)).chars()
                            .filter(ch -> ch == '\n').count();
                    Matcher p = PLACEHOLDER.matcher(m.group(reason));
                    while (p.find()) {
                        String name = p.group(1);
                        if (!quotable.contains(name)) {
                            findings.add(new Finding(r.file(), at, 1, "lý do" + (reason == 2 ? "" : " tiếng Anh")
                                    + " trích {" + name + "}, không phải tên một dữ kiện", "the reason" + which
                                    + " quotes {" + name + "}, which is not a fact"
                                    + " declared in facts.json (e.g. {dossiersOnTime})"));
                        }
                    }
                }
                if (r.criterion() == null) {
                    findings.add(new Finding(r.file(), r.descr().getLine(), 1, "quy tắc \"" + r.descr().getName()
                            + "\" cho điểm nhưng không có @criterion(\"…\")", "the rule gives points but has no "
                            + "@criterion"));
                    continue;
                }
                Criterion sub = byId.get(r.criterion());
                if (sub == null) {
                    findings.add(new Finding(r.file(), r.descr().getLine(), 1, "@criterion(\"" + r.criterion()
                            + "\") không có trong danh mục của guidance.json", "@criterion(\"" + r.criterion()
                            + "\") is not a sub-criterion of the catalog"));
                    continue;
                }
                BigDecimal points;
                try {
                    points = new BigDecimal(m.group(1));
                } catch (NumberFormatException e) {
                    findings.add(new Finding(r.file(), line, 1, "\"" + m.group(1) + "\" không phải số điểm", "\"" + m.group(1) + "\" is not a "
                            + "number of points (write \"2\" or \"1.5\")"));
                    continue;
                }
                if (points.signum() < 0 || points.compareTo(sub.max()) > 0
                        || points.remainder(new BigDecimal("0.5")).signum() != 0) {
                    findings.add(new Finding(r.file(), line, 1, "cho " + plain(points) + " điểm ở tiêu chí " + sub.id()
                            + ", tối đa là " + plain(sub.max()) + " (điểm là bội số của 0,5, từ 0 đến tối đa)", "gives "
                            + plain(points) + " points to " + sub.id() + ", whose maximum is " + plain(sub.max())
                            + " (points are multiples of 0.5 from 0 to the maximum)"));
                }
            }
            if (awards && r.criterion() != null) {
                covered.add(r.criterion());
            }
        }
        for (org.isoscoring.api.Vocabulary.Group g : info.vocabulary().groups()) {
            Pattern reports = Pattern.compile("report\\s*\\(\\s*kcontext\\s*,\\s*\"" + Pattern.quote(g.id()) + "\"");
            if (rules.stream().noneMatch(r -> reports.matcher(String.valueOf(r.descr().getConsequence())).find())) {
                findings.add(at(files.getOrDefault(Descriptor.FILE, ""), g.id(), "không quy tắc nào báo cáo nhóm \""
                        + g.id() + "\" (report(kcontext, \"" + g.id() + "\", …))", "no rule reports the group \"" + g.id()
                        + "\" (report(kcontext, \"" + g.id() + "\", …))"));
            }
        }
        for (Criterion s : info.subCriteria()) {
            if (!covered.contains(s.id())) {
                findings.add(at(files.getOrDefault(Descriptor.FILE, ""), s.id(), "tiêu chí thành phần " + s.id()
                        + " không có quy tắc nào cho điểm", "no rule gives points to sub-criterion " + s.id()
                        + " (no rule with @criterion(\"" + s.id() + "\") calls award)"));
            }
        }
    }

    private static Finding at(String json, String id, String vi, String en) {
        int offset = json.indexOf("\"id\": \"" + id + "\"");
        if (offset < 0) {
            return new Finding(Descriptor.FILE, 0, 0, vi, en);
        }
        DrlText text = new DrlText(json);
        return new Finding(Descriptor.FILE, text.line(offset), text.column(offset), vi, en);
    }

    /**
     * A string literal's contents, as a rule file writes it.
     *
     * @param s a value, perhaps in double quotes and surrounded by spaces
     * @return the value trimmed and without its enclosing double quotes; escapes are left as they are
     */
    public static String unquote(String s) {
        String t = s.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    /**
     * A number as a finding writes it: {@code 8} for {@code 8.00}, {@code 0.5} for {@code 0.50}.
     *
     * @param value the number, for example points or a total
     * @return the number without trailing zeros or an exponent
     */
    public static String plain(BigDecimal value) {
        BigDecimal s = value.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
