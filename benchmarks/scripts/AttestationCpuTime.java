import dev.airlock.benchmarks.AttestationBenchmark;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * AttestationBenchmark's operations timed in this thread's CPU time, next to wall-clock time: on a machine
 * other builds share, JMH's wall-clock figures swing with the load, CPU time much less (benchmarks/README.md,
 * "Attestations"). Not a JMH run: three rounds of 3,000 operations, the last one reported. From the root:
 *
 *   java -cp benchmarks/target/benchmarks.jar benchmarks/scripts/AttestationCpuTime.java
 */
public class AttestationCpuTime {
    public static void main(String[] args) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String algorithm : new String[] {"ed25519", "ecdsa-p256", "rsa-pss-sha256"}) {
            AttestationBenchmark benchmark = new AttestationBenchmark();
            // The @Param field is package-private, and this file is loaded apart from the benchmarks' package.
            var field = AttestationBenchmark.class.getDeclaredField("algorithm");
            field.setAccessible(true);
            field.set(benchmark, algorithm);
            benchmark.setUp();
            for (String operation : new String[] {"verify", "checkEntry", "sign"}) {
                int n = 3_000;
                long cpu = 0;
                long wall = 0;
                for (int round = 0; round < 3; round++) {
                    cpu = threads.getCurrentThreadCpuTime();
                    wall = System.nanoTime();
                    for (int i = 0; i < n; i++) {
                        switch (operation) {
                            case "verify" -> benchmark.verify();
                            case "checkEntry" -> benchmark.checkEntry();
                            default -> benchmark.sign();
                        }
                    }
                    cpu = threads.getCurrentThreadCpuTime() - cpu;
                    wall = System.nanoTime() - wall;
                }
                System.out.printf("%-15s %-11s cpu %7.1f us/op   wall %7.1f us/op%n", algorithm, operation,
                        cpu / 1e3 / n, wall / 1e3 / n);
            }
        }
    }
}
