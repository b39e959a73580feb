package dev.lifeboat.slack;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.lifeboat.Lifecycle;
import dev.lifeboat.access.GroupDirectory;
import dev.lifeboat.config.Secret;
import dev.lifeboat.config.SlackSettings;
import dev.lifeboat.incident.IncidentChannel;
import dev.lifeboat.runbook.RunListener;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Bolt for Java wired to Lifeboat's settings; used by both the HTTP and the Socket Mode runtimes. Also how hard to
 * retry reaching Slack at start ({@link ConnectBackoff}), the thread for notes sent after an acknowledgement, and
 * the runs' messages in the incident channel ({@link SlackRunProgress}, a {@link RunListener}) and the monitor's
 * announcements there ({@link SlackAnnouncer}).
 */
public final class SlackModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(ConnectBackoff.class).toInstance(ConnectBackoff.DEFAULT);
        Multibinder.newSetBinder(binder(), RunListener.class).addBinding().to(SlackRunProgress.class);
        bind(IncidentChannel.class).to(SlackIncidentChannel.class);
        bind(dev.lifeboat.reply.Announcer.class).to(SlackAnnouncer.class);
    }

    /**
     * Edits the runs' messages in the incident channel: one thread, as edits are paced to about one a second per
     * message. At a stop, edits already due still go out for a few seconds.
     */
    @Provides
    @Singleton
    @Named("slack-progress")
    ScheduledExecutorService progress(Lifecycle lifecycle) {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "lifeboat-slack-progress");
            thread.setDaemon(true);
            return thread;
        });
        pool.setRemoveOnCancelPolicy(true);
        lifecycle.manage(() -> {
            pool.shutdown();
            if (!pool.awaitTermination(3, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        });
        return pool;
    }

    /** Sends notes that must follow an acknowledgement ("Lifeboat is busy"); one thread, as they are rare and small. */
    @Provides
    @Singleton
    @Named("slack-notes")
    ScheduledExecutorService notes(Lifecycle lifecycle) {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "lifeboat-slack-notes");
            thread.setDaemon(true);
            return thread;
        });
        pool.setRemoveOnCancelPolicy(true);
        lifecycle.manage(() -> {
            pool.shutdown();
            if (!pool.awaitTermination(SlackReplies.AFTER_ACK.toMillis() * 2, TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        });
        return pool;
    }

    @Provides
    @Singleton
    Slack slack(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl().toString());
        config.setPrettyResponseLoggingEnabled(false);
        config.setLibraryMaintainerMode(false);
        config.setFailOnUnknownProperties(false);
        // Without this the SDK calls auth.test on its own to file call statistics under a team: a second start-up
        // check that logs each failure with a stack trace. Lifeboat keeps no SDK statistics.
        config.getMethodsConfig().setStatsEnabled(false);
        return Slack.getInstance(config);
    }

    /**
     * Every field is set explicitly: {@link AppConfig}'s defaults read environment variables of their own, and
     * Lifeboat's settings are read in one place only.
     */
    @Provides
    @Singleton
    App app(Slack slack, SlackSettings settings, SlackCommands commands, TypedConfirmation typed) {
        AppConfig config = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken().map(Secret::reveal).orElse(null))
                .signingSecret(settings.signingSecret().map(Secret::reveal).orElse(null))
                .verificationToken(null)
                .clientId(null)
                .clientSecret(null)
                .redirectUri(null)
                .scope(null)
                .userScope(null)
                .appPath(null)
                .oauthStartPath(null)
                .oauthInstallPath(null)
                .oauthCallbackPath(null)
                .oauthRedirectUriPath(null)
                .oauthCancellationUrl(null)
                .oauthCompletionUrl(null)
                .oAuthInstallPathEnabled(false)
                .oAuthStartEnabled(false)
                .oAuthRedirectUriPathEnabled(false)
                .oAuthCallbackEnabled(false)
                .openIDConnectEnabled(false)
                .classicAppPermissionsEnabled(false)
                .requestVerificationEnabled(true)
                .sslCheckEnabled(true)
                .ignoringSelfEventsEnabled(true)
                .authTestCacheEnabled(true)
                .build();
        return typed.register(commands.register(new App(config)));
    }

    @Provides
    @Singleton
    GroupDirectory groupDirectory(Slack slack, SlackSettings settings) {
        return new SlackGroupDirectory(slack.methods(settings.botToken().map(Secret::reveal).orElse(null)));
    }
}
