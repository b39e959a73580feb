package dev.lifeboat.status;

/** Gathers one round of status facts; {@link StatusRound} calls the real (or simulated) systems. */
@FunctionalInterface
public interface FactsSource {
    StatusFacts gather();
}
