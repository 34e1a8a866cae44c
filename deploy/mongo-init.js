// Makes the single MongoDB node a one-member replica set (rs0) the first
// time, then waits until it is primary, so Brobygger starts against a
// database that takes writes. Running it again changes nothing.
try {
  rs.status();
} catch (e) {
  rs.initiate({ _id: "rs0", members: [{ _id: 0, host: "mongo:27017" }] });
}
while (!db.hello().isWritablePrimary) {
  sleep(500);
}
print("rs0 is ready");
