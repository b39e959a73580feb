package dev.lifeboat.demo;

import jakarta.inject.Singleton;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;

/**
 * The simulated world's shared switches, so an on-call engineer can practise an outage: {@code demo break app}
 * makes the app's probe fail, {@code demo break heroku} opens a Heroku incident, and so on.
 */
@Singleton
public final class DemoWorld {
    /** The simulated Heroku app when no HEROKU_APP is configured. */
    public static final String APP_NAME = DemoIds.DEFAULT_APP;
    /** The simulated staging app when no HEROKU_STAGING_APP is configured. */
    public static final String STAGING_APP_NAME = DemoIds.DEFAULT_STAGING_APP;
    public static final URI APP_URL = URI.create("https://lifeboat-demo.herokuapp.invalid/");
    public static final String APP_HEALTH_PATH = "/up";
    public static final URI SITE_URL = URI.create("https://lifeboat-demo-site.netlify.invalid/");

    /** What can be broken. */
    public enum Part {
        APP("the app answers 503 (its web dynos crashed)"),
        SITE("the website answers 502"),
        HEROKU("Heroku reports an incident affecting Apps"),
        NETLIFY("Netlify reports a CDN incident");

        private final String effect;

        Part(String effect) {
            this.effect = effect;
        }

        public String effect() {
            return effect;
        }
    }

    private final Set<Part> broken = EnumSet.noneOf(Part.class);

    public synchronized void breakPart(Part part) {
        broken.add(part);
    }

    public synchronized void heal(Part part) {
        broken.remove(part);
    }

    public synchronized void healAll() {
        broken.clear();
    }

    public synchronized boolean isBroken(Part part) {
        return broken.contains(part);
    }

    public synchronized Set<Part> broken() {
        return broken.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(broken));
    }
}
