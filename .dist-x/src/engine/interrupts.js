export function watchInterrupts(processes, notices) {
    let count = 0;
    const signals = ['SIGINT', 'SIGTERM'];
    const stop = () => {
        for (const signal of signals)
            process.removeListener(signal, handler);
    };
    function handler() {
        count += 1;
        if (count === 1) {
            processes.cancel();
            notices.cancelling();
        }
        else {
            processes.kill();
            notices.killing();
            stop();
        }
    }
    for (const signal of signals)
        process.on(signal, handler);
    return stop;
}
