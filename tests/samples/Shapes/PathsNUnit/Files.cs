using System.IO;
using System.Threading;
using NUnit.Framework;

namespace PathsNUnit
{
    public class Files
    {
        [Test]
        public void Finds_Its_Own_Folder()
        {
            Assert.That(Directory.Exists(TestContext.CurrentContext.TestDirectory), Is.True);
        }

        [TestCase("a & b")]
        [TestCase("c d")]
        public void Keeps_Odd_Names(string name)
        {
            Assert.That(Path.GetFileName(Path.Combine("x", name)), Is.EqualTo(name));
        }

        [Test]
        public void Reads_Slowly()
        {
            Thread.Sleep(300);
            Assert.That(1 + 1, Is.EqualTo(2));
        }

        [Test]
        public void Fails_On_Purpose()
        {
            Assert.That("actual", Is.EqualTo("expected"));
        }

        [Test]
        [Ignore("shows a skipped test")]
        public void Is_Ignored()
        {
        }
    }
}
