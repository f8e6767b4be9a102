package dev.camelkling.architecture;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

/**
 * The dependency graph of compiled classes as the JDK's {@code jdeps} reads it from the bytecode (so imports used
 * only by javadoc do not count), and its cycles: the strongly connected components with more than one member.
 */
final class DependencyCycles {

    private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s");

    private final Map<String, Set<String>> classEdges;

    private DependencyCycles(Map<String, Set<String>> classEdges) {
        this.classEdges = classEdges;
    }

    /** Reads the classes under {@code classes} (a directory or a jar); keeps edges between classes of {@code prefix}. */
    static DependencyCycles of(Path classes, String prefix) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new IllegalStateException("no jdeps in this JDK"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:class", "-filter:none", classes.toString());
        if (exit != 0) {
            throw new IllegalStateException("jdeps failed (" + exit + "): " + err);
        }
        Map<String, Set<String>> edges = new TreeMap<>();
        for (String line : out.toString().split("\\R")) {
            Matcher m = EDGE.matcher(line);
            if (m.find()) {
                String from = outerClass(m.group(1));
                String to = outerClass(m.group(2));
                if (from.startsWith(prefix) && to.startsWith(prefix) && !from.equals(to)) {
                    edges.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                }
            }
        }
        return new DependencyCycles(edges);
    }

    /** Nested and anonymous classes count as their top-level class: that is the unit a reader opens. */
    private static String outerClass(String name) {
        int dollar = name.indexOf('$');
        return dollar < 0 ? name : name.substring(0, dollar);
    }

    private static String packageOf(String className) {
        return className.substring(0, className.lastIndexOf('.'));
    }

    /** Number of classes read (those with at least one edge inside the prefix). */
    int classCount() {
        Set<String> all = new TreeSet<>(classEdges.keySet());
        classEdges.values().forEach(all::addAll);
        return all.size();
    }

    /** Cycles between classes, largest first. */
    List<Set<String>> classCycles() {
        return cycles(classEdges);
    }

    /** Cycles between packages, largest first. */
    List<Set<String>> packageCycles() {
        Map<String, Set<String>> packages = new TreeMap<>();
        classEdges.forEach((from, targets) -> targets.forEach(to -> {
            if (!packageOf(from).equals(packageOf(to))) {
                packages.computeIfAbsent(packageOf(from), k -> new TreeSet<>()).add(packageOf(to));
            }
        }));
        return cycles(packages);
    }

    /** The package-to-package dependencies that close a package cycle, class by class, for the failure message. */
    String edgesWithin(Set<String> packageCycle) {
        StringBuilder text = new StringBuilder();
        classEdges.forEach((from, targets) -> targets.forEach(to -> {
            if (packageCycle.contains(packageOf(from)) && packageCycle.contains(packageOf(to))
                    && !packageOf(from).equals(packageOf(to))) {
                text.append("\n  ").append(from).append(" -> ").append(to);
            }
        }));
        return text.toString();
    }

    /** Tarjan's strongly connected components, iteratively (no deep recursion on long chains). */
    private static List<Set<String>> cycles(Map<String, Set<String>> edges) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> found = new ArrayList<>();
        int[] counter = {0};
        Set<String> nodes = new TreeSet<>(edges.keySet());
        edges.values().forEach(nodes::addAll);
        for (String start : nodes) {
            if (index.containsKey(start)) {
                continue;
            }
            Deque<Map.Entry<String, List<String>>> work = new ArrayDeque<>();
            visit(start, edges, index, low, stack, onStack, counter, work);
            while (!work.isEmpty()) {
                Map.Entry<String, List<String>> frame = work.peek();
                String node = frame.getKey();
                List<String> pending = frame.getValue();
                if (!pending.isEmpty()) {
                    String next = pending.remove(0);
                    if (!index.containsKey(next)) {
                        visit(next, edges, index, low, stack, onStack, counter, work);
                    } else if (onStack.contains(next)) {
                        low.put(node, Math.min(low.get(node), index.get(next)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = work.peek().getKey();
                    low.put(parent, Math.min(low.get(parent), low.get(node)));
                }
                if (low.get(node).equals(index.get(node))) {
                    Set<String> component = new TreeSet<>();
                    String member;
                    do {
                        member = stack.pop();
                        onStack.remove(member);
                        component.add(member);
                    } while (!member.equals(node));
                    if (component.size() > 1) {
                        found.add(component);
                    }
                }
            }
        }
        found.sort(Comparator.comparingInt((Set<String> c) -> c.size()).reversed());
        return found;
    }

    private static void visit(String node, Map<String, Set<String>> edges, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, int[] counter,
            Deque<Map.Entry<String, List<String>>> work) {
        index.put(node, counter[0]);
        low.put(node, counter[0]);
        counter[0]++;
        stack.push(node);
        onStack.add(node);
        work.push(Map.entry(node, new ArrayList<>(edges.getOrDefault(node, Set.of()))));
    }
}
