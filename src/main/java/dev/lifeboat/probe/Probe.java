package dev.lifeboat.probe;

import java.net.URI;
import java.time.Duration;

/** Checks whether a public URL answers. Never throws for network failures: they are outcomes. */
public interface Probe {
    ProbeResult probe(URI url, Duration timeout);
}
