package io.funnel.local.bench;

import io.funnel.local.FunnelStack;
import io.funnel.local.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used by each part of the stack, read from {@code /proc}: the four services, PostgreSQL (all its processes)
 * and this JVM, which runs the broker and the load generator; and, within the services, what their JIT compiler
 * threads used. Linux only; elsewhere every figure is zero.
 */
final class CpuMeter {

    static final String DATABASE = "PostgreSQL";
    static final String BROKER_AND_LOAD = "Kafka broker + load generator";
    /** USER_HZ, the unit of utime and stime in /proc/[pid]/stat; 100 on every Linux architecture Java runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private final FunnelStack stack;

    CpuMeter(FunnelStack stack) {
        this.stack = stack;
    }

    /** Seconds of CPU used so far, by part, in a stable order. */
    Map<String, Double> seconds() {
        Map<String, Double> used = new LinkedHashMap<>();
        for (ServiceProcess process : stack.processes()) {
            used.put(process.service().module(), ticks(process.pid()) / TICKS_PER_SECOND);
        }
        used.put(DATABASE, postgresTicks() / TICKS_PER_SECOND);
        used.put(BROKER_AND_LOAD, ticks(ProcessHandle.current().pid()) / TICKS_PER_SECOND);
        return used;
    }

    /**
     * Seconds of CPU the services' JIT compiler threads (C1 and C2) used so far. It is part of each service's figure,
     * and work that ends once the code the load runs is compiled.
     */
    double compilerSeconds() {
        return stack.processes().stream().mapToDouble(process -> compilerSeconds(process.pid())).sum();
    }

    /** What each part and the services' compilers use from now on: read it with {@link Span#used()}. */
    Span start() {
        return new Span(seconds(), compilerSeconds());
    }

    /** CPU seconds over a span: by part, and of the services' JIT compilers (within the services' figures). */
    record Usage(Map<String, Double> seconds, double compilerSeconds) {

        double total() {
            return CpuMeter.total(seconds);
        }
    }

    /** Readings taken at the start of a span. */
    final class Span {

        private final Map<String, Double> before;
        private final double compilersBefore;

        private Span(Map<String, Double> before, double compilersBefore) {
            this.before = before;
            this.compilersBefore = compilersBefore;
        }

        /** What was used since the start; the compilers' figure never below 0, as a thread that ends takes its time. */
        Usage used() {
            return new Usage(between(before, seconds()), Math.max(0, compilerSeconds() - compilersBefore));
        }
    }

    /** Seconds of CPU the JIT compiler threads of one JVM used so far; 0 once it is gone. */
    static double compilerSeconds(long pid) {
        return compilerTicks(pid) / TICKS_PER_SECOND;
    }

    /** What all parts used together. */
    static double total(Map<String, Double> seconds) {
        return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** What each part used between two readings. */
    private static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((part, seconds) -> used.put(part, seconds - before.getOrDefault(part, 0.0)));
        return used;
    }

    private static long postgresTicks() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> "postgres".equals(read(p.resolve("comm")).strip()))
                    .mapToLong(p -> ticks(Long.parseLong(p.getFileName().toString())))
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long compilerTicks(long pid) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            return threads.filter(thread -> read(thread.resolve("comm")).matches("C[12] CompilerThre(?s).*"))
                    .mapToLong(thread -> ticks(thread.resolve("stat")))
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** User plus system ticks of the process; 0 once it is gone. */
    private static long ticks(long pid) {
        return ticks(Path.of("/proc", String.valueOf(pid), "stat"));
    }

    /** User plus system ticks from a process's or thread's stat file; 0 once it is gone. */
    private static long ticks(Path statFile) {
        String stat = read(statFile);
        if (stat.isEmpty()) {
            return 0;
        }
        // Fields after the command name, which is in parentheses and may itself hold spaces.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
