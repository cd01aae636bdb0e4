/**
 * The snapshots of a density-flow run as files: {@code DIR/snapshots/step-NNNNNN.csv}, one weighted
 * point cloud {@code x1,...,xn,rho} per recorded step (the layout the {@code run} command writes),
 * read back in step order for plots and analyses of the point-cloud evolution (HNN paper, Fig. 4).
 */
package io.github.hopflow.examples.snapshot;
