package dev.camelkling.simulator.structure;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;

/**
 * Finds dependency cycles among the classes of one code base, at package level and at class level, from the
 * compiled classes (jdeps, run in-process through {@link ToolProvider}). Free of project specifics so any module can
 * copy it: give it a classes directory (e.g. {@code target/classes}) and the package prefix to look at.
 *
 * <p>Nested classes count as their top-level class (a class and its own nested classes form one source unit,
 * references between them are not a design decision). A cycle is a strongly connected component of more than one
 * node (Tarjan's algorithm); a single node never counts, so self references are ignored.
 */
public final class DependencyCycles {
    private final Map<String, SortedSet<String>> classGraph;
    private final Map<String, SortedSet<String>> packageGraph;

    private DependencyCycles(Map<String, SortedSet<String>> classGraph) {
        this.classGraph = classGraph;
        this.packageGraph = new TreeMap<>();
        classGraph.forEach((from, targets) -> {
            SortedSet<String> packages = packageGraph.computeIfAbsent(packageOf(from), p -> new TreeSet<>());
            targets.forEach(to -> packages.add(packageOf(to)));
        });
        packageGraph.forEach((from, targets) -> targets.remove(from));
    }

    /** Reads the class-level dependencies among the classes under {@code classesDir} whose names start with the prefix. */
    public static DependencyCycles of(Path classesDir, String packagePrefix) {
        if (!Files.isDirectory(classesDir)) {
            throw new IllegalArgumentException("not a classes directory: " + classesDir.toAbsolutePath());
        }
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new IllegalStateException("jdeps is not available: run the build on a JDK"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // -filter:none keeps references inside one package, which the class-level view needs
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(err),
                "-verbose:class", "-filter:none", classesDir.toString());
        if (exit != 0) {
            throw new IllegalStateException("jdeps failed (" + exit + "): " + err);
        }
        return fromJdepsOutput(out.toString(), packagePrefix);
    }

    /** Parses jdeps {@code -verbose:class} lines: {@code   a.b.From   -> a.c.To   location}. */
    static DependencyCycles fromJdepsOutput(String jdepsOutput, String packagePrefix) {
        Map<String, SortedSet<String>> graph = new TreeMap<>();
        for (String line : jdepsOutput.split("\\R")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length < 3 || !"->".equals(parts[1])) {
                continue;
            }
            String from = topLevel(parts[0]);
            String to = topLevel(parts[2]);
            if (inScope(from, packagePrefix)) {
                SortedSet<String> targets = graph.computeIfAbsent(from, c -> new TreeSet<>());
                if (inScope(to, packagePrefix) && !to.equals(from)) {
                    targets.add(to);
                }
            }
        }
        return new DependencyCycles(graph);
    }

    /** Package cycles: each set holds the packages of one strongly connected component. */
    public List<SortedSet<String>> packageCycles() {
        return cycles(packageGraph);
    }

    /** Class cycles (top-level classes) with more than {@code maxSize} classes. */
    public List<SortedSet<String>> classCyclesLargerThan(int maxSize) {
        return cycles(classGraph).stream().filter(c -> c.size() > maxSize).collect(Collectors.toList());
    }

    /** The package-level graph (package to the other packages it uses), for reports. */
    public Map<String, SortedSet<String>> packageDependencies() {
        return packageGraph;
    }

    /**
     * Fails when there is any package cycle or any class cycle larger than {@code maxClassCycle}, naming the
     * packages of each cycle (and, for a package cycle, the class references that close it).
     */
    public void assertNone(int maxClassCycle) {
        List<String> problems = new ArrayList<>();
        for (SortedSet<String> cycle : packageCycles()) {
            problems.add("package cycle " + cycle + " through " + referencesWithin(cycle));
        }
        for (SortedSet<String> cycle : classCyclesLargerThan(maxClassCycle)) {
            SortedSet<String> packages = cycle.stream().map(DependencyCycles::packageOf).collect(Collectors.toCollection(TreeSet::new));
            problems.add("class cycle of " + cycle.size() + " classes (more than " + maxClassCycle + ") in packages "
                    + packages + ": " + cycle);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("dependency cycles:\n  " + String.join("\n  ", problems));
        }
    }

    /** The class references that cross between different packages of one package cycle. */
    private List<String> referencesWithin(Set<String> packages) {
        List<String> references = new ArrayList<>();
        classGraph.forEach((from, targets) -> targets.stream()
                .filter(to -> !packageOf(to).equals(packageOf(from)))
                .filter(to -> packages.contains(packageOf(from)) && packages.contains(packageOf(to)))
                .forEach(to -> references.add(from + " -> " + to)));
        return references;
    }

    /** Tarjan's strongly connected components, iterative (no recursion depth limit), only those of 2+ nodes. */
    static List<SortedSet<String>> cycles(Map<String, SortedSet<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> lowLink = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<SortedSet<String>> components = new ArrayList<>();
        int[] counter = {0};
        for (String start : graph.keySet()) {
            if (index.containsKey(start)) {
                continue;
            }
            Deque<Map.Entry<String, Iterator<String>>> work = new ArrayDeque<>();
            visit(start, graph, index, lowLink, stack, onStack, counter, work);
            while (!work.isEmpty()) {
                Map.Entry<String, Iterator<String>> top = work.peek();
                String node = top.getKey();
                if (top.getValue().hasNext()) {
                    String next = top.getValue().next();
                    if (!index.containsKey(next)) {
                        visit(next, graph, index, lowLink, stack, onStack, counter, work);
                    } else if (onStack.contains(next)) {
                        lowLink.merge(node, index.get(next), Math::min);
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    lowLink.merge(work.peek().getKey(), lowLink.get(node), Math::min);
                }
                if (lowLink.get(node).equals(index.get(node))) {
                    SortedSet<String> component = new TreeSet<>();
                    String member;
                    do {
                        member = stack.pop();
                        onStack.remove(member);
                        component.add(member);
                    } while (!member.equals(node));
                    if (component.size() > 1) {
                        components.add(component);
                    }
                }
            }
        }
        components.sort(Comparator.comparing(SortedSet::first));
        return components;
    }

    private static void visit(String node, Map<String, SortedSet<String>> graph, Map<String, Integer> index,
                              Map<String, Integer> lowLink, Deque<String> stack, Set<String> onStack, int[] counter,
                              Deque<Map.Entry<String, Iterator<String>>> work) {
        index.put(node, counter[0]);
        lowLink.put(node, counter[0]);
        counter[0]++;
        stack.push(node);
        onStack.add(node);
        work.push(Map.entry(node, graph.getOrDefault(node, new TreeSet<>()).iterator()));
    }

    private static boolean inScope(String className, String packagePrefix) {
        return className.equals(packagePrefix) || className.startsWith(packagePrefix + ".");
    }

    private static String topLevel(String className) {
        int nested = className.indexOf('$');
        return nested < 0 ? className : className.substring(0, nested);
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }
}
