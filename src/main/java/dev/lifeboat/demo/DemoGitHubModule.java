package dev.lifeboat.demo;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import dev.lifeboat.github.GitHubRepo;

/** Binds {@link GitHubRepo} to the simulated {@link DemoGitHub}. Needs a {@link java.time.Clock} and the settings. */
public final class DemoGitHubModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(DemoGitHub.class).in(Singleton.class);
        bind(GitHubRepo.class).to(DemoGitHub.class);
    }
}
