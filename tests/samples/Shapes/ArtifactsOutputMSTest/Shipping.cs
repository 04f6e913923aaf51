using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;

[assembly: Parallelize(Workers = 1, Scope = ExecutionScope.MethodLevel)]

namespace ArtifactsOutputMSTest
{
    [TestClass]
    public class Shipping
    {
        [TestMethod]
        public void Free_Above_Fifty()
        {
            var basket = decimal.Parse("60", System.Globalization.CultureInfo.InvariantCulture);
            Assert.AreEqual(0m, basket > 50m ? 0m : 5m);
        }

        [TestMethod]
        [DataRow(1, 5)]
        [DataRow(2, 10)]
        public void Costs_Per_Parcel(int parcels, int cost)
        {
            Assert.AreEqual(cost, parcels * 5);
        }

        [TestMethod]
        public void Quotes_Slowly()
        {
            Thread.Sleep(300);
            Assert.IsTrue(System.DateTime.UtcNow.Year > 2000);
        }

        [TestMethod]
        public void Fails_On_Purpose()
        {
            var parcels = int.Parse("1", System.Globalization.CultureInfo.InvariantCulture);
            Assert.AreEqual(2, parcels, "on purpose");
        }

        [TestMethod]
        [Ignore("shows a skipped test")]
        public void Is_Ignored()
        {
        }
    }
}
