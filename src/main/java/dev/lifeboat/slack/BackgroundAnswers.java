package dev.lifeboat.slack;

import dev.lifeboat.QueuedWork;
import dev.lifeboat.command.BusyException;
import dev.lifeboat.reply.Reply;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work done after Slack's acknowledgement, answered through the request's {@code response_url}. A full queue is told
 * to the user after the acknowledgement (never inside it), and so is a stop that comes before the work could start.
 */
@Singleton
final class BackgroundAnswers {
    static final Reply BUSY = Reply.text(BusyException.ANSWER);
    private static final Logger log = LoggerFactory.getLogger(BackgroundAnswers.class);

    private final ExecutorService work;
    private final SlackReplies replies;

    @Inject
    BackgroundAnswers(@Named("work") ExecutorService work, SlackReplies replies) {
        this.work = work;
        this.replies = replies;
    }

    /** Runs {@code answer} on the work executor and posts what it returns to {@code responseUrl}. */
    void submit(String responseUrl, String what, Supplier<Reply> answer) {
        try {
            work.execute(new SlackWork(responseUrl, what, answer));
        } catch (RejectedExecutionException e) {
            log.warn("event=work_queue_full");
            replies.sendAfterAck(responseUrl, BUSY);
        }
    }

    /** One request's work: its answer, or, if Lifeboat stops first, a note that it will not come. */
    private final class SlackWork implements QueuedWork {
        private final String responseUrl;
        private final String what;
        private final Supplier<Reply> answer;

        SlackWork(String responseUrl, String what, Supplier<Reply> answer) {
            this.responseUrl = responseUrl;
            this.what = what;
            this.answer = answer;
        }

        @Override
        public void run() {
            Reply reply = answer.get();
            // Cut off by a stop, the work ends interrupted; its answer (an error) is still worth sending.
            boolean interrupted = Thread.interrupted();
            replies.send(responseUrl, reply);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void abandon() {
            replies.sendOnce(responseUrl, Reply.text(":arrows_counterclockwise: Lifeboat is restarting and did not get to `"
                    + BlockKit.cut(what, 100) + "`. Nothing was run; try again in a minute."));
        }
    }
}
