/**
 * The {@code hopflow} command line (picocli): one sub-command per task, bad input reported as one
 * line naming the parameter and the value, with exit status 2.
 */
package io.github.hopflow.examples.cli;
