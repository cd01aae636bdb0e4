/**
 * The files a command writes, and the guarantees it gives about them. A command writes into an
 * {@link io.github.hopflow.examples.output.OutputDirectory}, which keeps a manifest of every file
 * and folder it created there ({@value io.github.hopflow.examples.output.OutputDirectory#MANIFEST}):
 * {@code --force} replaces exactly those, and a file that hopflow did not write is never removed.
 * Every file is written under a temporary name and renamed into place
 * ({@link io.github.hopflow.examples.output.AtomicFiles}), so that a run killed at any moment leaves
 * complete files or none, never a truncated one that looks complete.
 */
package io.github.hopflow.examples.output;
