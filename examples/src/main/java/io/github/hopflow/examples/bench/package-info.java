/**
 * JMH benchmarks of the kernel products, the proximal step, the normalisation and the SDE engine,
 * and the configurations shared with the {@code hopflow bench} command. Run them from the shaded
 * jar: {@code java -cp examples/target/hopflow.jar org.openjdk.jmh.Main 'io.github.hopflow.examples.bench.*'}
 * (see BENCHMARKS.md).
 */
package io.github.hopflow.examples.bench;
