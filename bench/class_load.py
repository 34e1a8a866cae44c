#!/usr/bin/env python3
"""Load a running server with whole classes joining sessions at once.

Usage: class_load.py URL PUPILS FACILITATOR_EMAIL PASSWORD

Opens one session per 30 pupils, then every pupil at once signs in as a guest, joins their
class by its code and answers until suggestions (three turns). Prints how many joined and
were counted in the summaries, turn p50/p99 and errors. Run the server with
BROBYGGER_RATE_LIMITS=off; create the facilitator first with `brobygger admin create-user`.
"""
import json, sys, threading, time, uuid, urllib.request, urllib.error
base=sys.argv[1]; pupils=int(sys.argv[2]); email=sys.argv[3]; pw=sys.argv[4]
def req(path, body, tok=None, method="POST"):
    h={"Content-Type":"application/json"}
    if tok: h["Authorization"]="Bearer "+tok
    r=urllib.request.Request(base+path, data=json.dumps(body).encode() if body is not None else None, method=method, headers=h)
    try:
        with urllib.request.urlopen(r, timeout=60) as resp: return resp.status, json.loads(resp.read() or b"null")
    except urllib.error.HTTPError as e: return e.code, None
_, t = req("/v1/auth/login", {"email": email, "password": pw}); tok=t["access_token"]
classes=max(1, pupils//30); codes=[]
for i in range(classes):
    _, s = req("/v1/sessions", {"title": f"Klasse {i}", "postcode": "8000"}, tok); codes.append((s["id"], s["join_code"]))
lines=["jeg er 14, bor i 8000, elsker dyr og har tid i weekenden", "bare én gang", "med klassen"]
lat, errs, lock, joined = [], [0], threading.Lock(), [0]
def run(k):
    st, g = req("/v1/auth/guest", {"locale":"da"})
    if st != 201:
        with lock: errs[0]+=1
        return
    st, c = req("/v1/conversations", {"join_code": codes[k % classes][1]}, g["access_token"])
    if st != 201:
        with lock: errs[0]+=1
        return
    with lock: joined[0]+=1
    for i, t in enumerate(lines):
        body={"client_message_id": str(uuid.uuid4())}
        if t == "med klassen": body["choice"]="with_class"
        else: body["text"]=t
        t0=time.perf_counter(); st,_=req(f"/v1/conversations/{c['conversation_id']}/messages", body, g["access_token"])
        with lock:
            lat.append(time.perf_counter()-t0)
            if st != 200: errs[0]+=1
t0=time.perf_counter(); ts=[threading.Thread(target=run, args=(k,)) for k in range(pupils)]; [t.start() for t in ts]; [t.join() for t in ts]
wall=time.perf_counter()-t0; lat.sort()
tot=0
for sid,_ in codes:
    _, s = req(f"/v1/sessions/{sid}/summary", None, tok, "GET"); tot += s["joined"] or 0
print(f"{pupils} pupils in {classes} classes: joined {joined[0]}, counted {tot}; turn p50 {lat[len(lat)//2]*1000:.1f} ms, p99 {lat[max(0,int(len(lat)*0.99)-1)]*1000:.1f} ms, {len(lat)} turns in {wall:.1f} s, {errs[0]} errors")
