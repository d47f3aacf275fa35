#!/usr/bin/env python3
"""PyTorch peer of EpochBenchmark: the same HDNNP (shared atomic network F-10-10-1, tanh, sum per configuration,
loss 1/(2B) sum (E - t)^2, Adam 1e-3), the same data file (raw float32 written by the Java harness), batch 64,
one epoch = Adam steps over the training configurations + the validation forward pass. Prints one JSON line.
Not a dependency of the kit: Debian's python3-torch with libopenblas0 (installed only for the measurement)."""
import argparse, json, os, resource, time
import numpy as np
import torch

p = argparse.ArgumentParser()
p.add_argument("--inputs", type=int, default=57)
p.add_argument("--threads", type=int, default=1)
p.add_argument("--configs", type=int, default=4200)
p.add_argument("--atoms", type=int, default=256)
p.add_argument("--epochs", type=int, default=5)
p.add_argument("--data", default="target/bench")
p.add_argument("--label", default="default", help="recorded as is, e.g. the OpenBLAS core type")
a = p.parse_args()
torch.set_num_threads(a.threads)
f = os.path.join(a.data, f"x{a.inputs}_{a.configs}x{a.atoms}.f32")
x = torch.from_numpy(np.fromfile(f, dtype="<f4").reshape(a.configs, a.atoms, a.inputs))
n_train = round(a.configs * 0.8)
xt, xv = x[:n_train].contiguous(), x[n_train:].contiguous()
t = torch.from_numpy(np.random.default_rng(2).standard_normal(n_train).astype(np.float32))
torch.manual_seed(1)
net = torch.nn.Sequential(torch.nn.Linear(a.inputs, 10), torch.nn.Tanh(), torch.nn.Linear(10, 10), torch.nn.Tanh(), torch.nn.Linear(10, 1))
opt = torch.optim.Adam(net.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-8)
times = []
for epoch in range(a.epochs + 1):
    t0 = time.perf_counter()
    for s in range(0, n_train, 64):
        xb = xt[s:s + 64]
        e = net(xb.reshape(-1, a.inputs)).reshape(xb.shape[0], a.atoms).sum(1)
        loss = 0.5 * ((e - t[s:s + 64]) ** 2).mean()
        opt.zero_grad(); loss.backward(); opt.step()
    with torch.no_grad():
        for s in range(0, xv.shape[0], 64):
            net(xv[s:s + 64].reshape(-1, a.inputs))
    if epoch > 0:
        times.append(time.perf_counter() - t0)
times.sort()
print(json.dumps({"backend": f"pytorch-{torch.__version__}", "inputs": a.inputs, "threads": a.threads, "configs": a.configs,
                  "atoms": a.atoms, "train_configs": n_train, "median_s_per_epoch": round(times[len(times) // 2], 4),
                  "min_s": round(times[0], 4), "max_s": round(times[-1], 4),
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                  "openblas": a.label, "load_avg": round(os.getloadavg()[0], 1)}))
